using System.Diagnostics;
using System.Text.Json;
using Npgsql;

namespace EnSakITaget.Bench.National;

/// <summary>
/// A whole country seeded in minutes, then measured under concurrent load: statistics for the
/// country and a county, their 304s, the 350 x 130 matrix, reports by many participants at once,
/// each read side by side with the plain SQL that reads the same rows, and /health/live as the
/// floor of any answer. The reads are measured again one call at a time, for their latency
/// without queueing. Afterwards the read model must agree with the events.
/// </summary>
internal static class NationalBenchmark
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan OneAtATimeWarmUp = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan OneAtATimeWindow = TimeSpan.FromSeconds(5);

    private static readonly string[] CountedTables =
    [
        "libraries.library_nodes", "courses.courses", "courses.course_versions", "courses.rounds", "participants.staff_members",
        "participants.enrolments", "participants.thing_progress", "participants.progress_events", "participants.daily_reports",
        "feedback.surveys", "feedback.survey_responses", "feedback.survey_participations", "identity.users", "audit.audit_entries",
    ];

    /// <returns>The correctness checks that failed; none when the answers and the read model were right.</returns>
    public static async Task<IReadOnlyList<string>> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var (total, loadAtStart, failures) = (Stopwatch.StartNew(), Stats.LoadAverage(), new List<string>());
        var calendar = new StockholmCalendar();
        using var api = new ApiClient(options.ApiUrl);
        await using var memory = new ApiMemory(options.ApiProcessId);
        Step(memory.IsKnown
            ? $"the API is process {options.ApiProcessId}, resident {ApiMemory.Megabytes(memory.Resident)} before the seeding"
            : "the API's process is not known (BENCH_API_PID): its memory is not measured");

        Step($"signing in as {options.AdminEmail}");
        await api.LoginAsync(options.AdminEmail, options.AdminPassword, cancellationToken);
        var seeding = Stopwatch.StartNew();
        var data = await new NationalSeed(options, api, calendar, Step).RunAsync(cancellationToken);
        seeding.Stop();
        var store = new SeedStore(options.ConnectionString, calendar.DayOf);
        NationalReport.PrintSeeding(seeding.Elapsed, await store.CountRowsAsync(CountedTables, cancellationToken), memory);

        // A new sign-in for each phase: an access token lasts 15 minutes.
        var adminToken = await api.AccessTokenAsync(options.AdminEmail, options.AdminPassword, cancellationToken);
        using var http = ApiClient.CreateHttpClient(options.ApiUrl);
        var operations = new NationalOperations(http, data);
        memory.StartSampling(TimeSpan.FromMilliseconds(100));
        var meter = new PhaseMeter(memory, new CpuMeter(options.ApiProcessId), Step);
        var etag = await CheckAnswersAsync(options, data, operations, adminToken, calendar, failures, cancellationToken);
        var results = await MeasureAsync(options, data, operations, api, meter, adminToken, etag, calendar.DayOf(DateTimeOffset.UtcNow), cancellationToken);

        Step("checking the read model against a recount from the progress events");
        var readModel = await ReadModelCheck.RunAsync(options.ConnectionString, [.. data.WriteRounds.Select(r => r.Id)], results.Writes.Succeeded, cancellationToken);
        failures.AddRange(readModel);
        var serverVersion = await ServerVersionAsync(options.ConnectionString, cancellationToken);
        NationalReport.Print(options, serverVersion, results, memory, readModel, loadAtStart, total.Elapsed);
        return failures;
    }

    /// <summary>
    /// The reads under load, each API read next to its plain SQL so that whatever else the machine
    /// does falls on both alike; the same reads one at a time; then the writes, which change the
    /// statistics' ETag and so come last.
    /// </summary>
    private static async Task<NationalResults> MeasureAsync(
        BenchOptions options, NationalData data, NationalOperations operations, ApiClient api, PhaseMeter meter, string adminToken, string etag,
        DateOnly today, CancellationToken cancellationToken)
    {
        await using var sql = await SqlWorkers.OpenAsync(options.ConnectionString, options.Workers, cancellationToken);
        var reads = new ReadCalls(
            Health: (_, t) => operations.GetAsync(NationalOperations.HealthPath, null, t),
            Country: (_, t) => operations.GetAsync(NationalOperations.CountryPath, adminToken, t),
            CountrySql: (w, t) => NationalOperations.StatisticsSqlAsync(sql[w], today, t),
            County: (_, t) => operations.GetAsync(operations.CountyPath, adminToken, t),
            NotModified: (_, t) => operations.NotModifiedAsync(NationalOperations.CountryPath, adminToken, etag, t),
            Matrix: (_, t) => operations.GetAsync(operations.MatrixPath, adminToken, t),
            MatrixSql: (w, t) => NationalOperations.MatrixSqlAsync(sql[w], data.MatrixRoundId, data.MatrixCells, t));
        var matrixName = $"e) GET /rounds/{{id}}/progress, {data.MatrixParticipants} x {data.MatrixThings}";

        Step($"measuring under load: {options.Workers} workers per operation, {WarmUp.TotalSeconds:F0} s warm-up, {options.MeasureSeconds} s measured");
        var loaded = await MeasureReadsAsync(new LoadGenerator(options.Workers, WarmUp, TimeSpan.FromSeconds(options.MeasureSeconds)), meter, reads, matrixName, cancellationToken);
        Step($"measuring the same reads one call at a time: {OneAtATimeWindow.TotalSeconds:F0} s each");
        var oneAtATime = await MeasureReadsAsync(new LoadGenerator(1, OneAtATimeWarmUp, OneAtATimeWindow), meter, reads, matrixName, cancellationToken);
        var writes = await MeasureWritesAsync(options, data, operations, api, meter, cancellationToken);
        return new NationalResults(loaded, oneAtATime, writes);
    }

    private static async Task<ReadResults> MeasureReadsAsync(
        LoadGenerator load, PhaseMeter meter, ReadCalls reads, string matrixName, CancellationToken cancellationToken)
    {
        var health = await meter.RunAsync(load, "h) GET /health/live", reads.Health, cancellationToken);
        var country = await meter.RunAsync(load, "a) GET /statistics/libraries, whole country", reads.Country, cancellationToken);
        var countrySql = await meter.RunAsync(load, "b) plain SQL: the same reads, whole country", reads.CountrySql, cancellationToken);
        var county = await meter.RunAsync(load, "c) GET /statistics/libraries, one county", reads.County, cancellationToken);
        var notModified = await meter.RunAsync(load, "d) as a), If-None-Match: answers 304", reads.NotModified, cancellationToken);
        var matrix = await meter.RunAsync(load, matrixName, reads.Matrix, cancellationToken);
        var matrixSql = await meter.RunAsync(load, "f) plain SQL: the matrix's rows", reads.MatrixSql, cancellationToken);
        return new ReadResults(health, country, countrySql, county, notModified, matrix, matrixSql);
    }

    /// <summary>The writers sign in, and each worker reports for its own share of them, one report per participant at a time.</summary>
    private static async Task<LoadResult> MeasureWritesAsync(
        BenchOptions options, NationalData data, NationalOperations operations, ApiClient api, PhaseMeter meter, CancellationToken cancellationToken)
    {
        Step($"signing in the {data.Writers.Count} writers");
        var tokens = await new NationalApi(api).SignInAsync(data.Writers, data.WritersPassword, cancellationToken);
        var queues = WriteQueues(data, tokens, options.Workers);
        return await meter.RunAsync(
            new LoadGenerator(options.Workers, WarmUp, TimeSpan.FromSeconds(options.MeasureSeconds)),
            $"g) POST …/things/{{id}}/report, {data.Writers.Count} participants",
            (worker, token) => queues[worker].TryDequeue(out var task)
                ? operations.ReportAsync(task, token)
                : Task.FromResult<string?>("no report left to make: more writers' rounds are needed for this rate"),
            cancellationToken);
    }

    /// <summary>Round by round, thing by thing, participant by participant: each worker's queue holds only its own participants.</summary>
    private static Queue<WriteTask>[] WriteQueues(NationalData data, IReadOnlyList<string> tokens, int workers)
    {
        var queues = Enumerable.Range(0, workers).Select(_ => new Queue<WriteTask>()).ToArray();
        var n = 0;
        foreach (var round in data.WriteRounds)
        {
            foreach (var thingId in round.ThingIds)
            {
                for (var writer = 0; writer < tokens.Count; writer++)
                {
                    queues[writer % workers].Enqueue(new WriteTask(tokens[writer], round.Id, thingId, $"Skrivprov {++n}: jag provade och lärde mig något nytt."));
                }
            }
        }

        return queues;
    }

    /// <summary>The first answers, checked against the database: the statistics' totals and the matrix's size. Returns the country's ETag.</summary>
    private static async Task<string> CheckAnswersAsync(
        BenchOptions options, NationalData data, NationalOperations operations, string adminToken, StockholmCalendar calendar,
        List<string> failures, CancellationToken cancellationToken)
    {
        var (country, etag) = await operations.ReadAsync(NationalOperations.CountryPath, adminToken, cancellationToken);
        if (etag is null)
        {
            throw new BenchSetupException($"GET {NationalOperations.CountryPath} answered without an ETag: there is nothing to ask If-None-Match with");
        }

        var (nodes, enrolled) = await ExpectedStatisticsAsync(options.ConnectionString, calendar.DayOf(DateTimeOffset.UtcNow), cancellationToken);
        using (var document = JsonDocument.Parse(country))
        {
            var items = document.RootElement.GetProperty("items");
            var counties = items.EnumerateArray().Where(i => i.GetProperty("parentId").ValueKind == JsonValueKind.Null).ToList();
            var answered = counties.Sum(c => c.GetProperty("enrolled").GetInt32());
            if (items.GetArrayLength() != nodes || answered != enrolled)
            {
                failures.Add($"the country's statistics have {items.GetArrayLength()} rows and {answered} enrolled in the counties; the database has {nodes} libraries and {enrolled} people enrolled");
            }
        }

        var (matrix, _) = await operations.ReadAsync(operations.MatrixPath, adminToken, cancellationToken);
        MatrixBenchmark.Verify(failures, matrix, data.MatrixParticipants, data.MatrixThings, data.MatrixCells);
        Step($"first answers checked: the country's statistics ({country.Length / 1024} KiB, {nodes} rows) and the matrix ({matrix.Length / 1024} KiB)");
        return etag;
    }

    private static async Task<(long Nodes, long Enrolled)> ExpectedStatisticsAsync(string connectionString, DateOnly today, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM libraries.library_nodes), " +
            "(SELECT count(DISTINCT staff_member_id) FROM participants.enrolments WHERE status <> 'Withdrawn' AND invited_on <= @today)",
            connection);
        command.Parameters.AddWithValue("today", today);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<string> ServerVersionAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection.PostgreSqlVersion.ToString();
    }

    private static void Step(string message) => Console.WriteLine($"bench: {message}");

    /// <summary>The reads, each a call a worker makes again and again.</summary>
    private sealed record ReadCalls(
        Func<int, CancellationToken, Task<string?>> Health,
        Func<int, CancellationToken, Task<string?>> Country,
        Func<int, CancellationToken, Task<string?>> CountrySql,
        Func<int, CancellationToken, Task<string?>> County,
        Func<int, CancellationToken, Task<string?>> NotModified,
        Func<int, CancellationToken, Task<string?>> Matrix,
        Func<int, CancellationToken, Task<string?>> MatrixSql);
}
