using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace EnSakITaget.Bench;

/// <summary>
/// The progress matrix of one round of 350 participants by 130 things (the size at which a
/// popular Moodle completion report took 332 s), through the API, side by side with the plain
/// SQL query that reads the same rows from the same database.
/// </summary>
internal static class MatrixBenchmark
{
    private const double TargetMilliseconds = 200;
    private const int WarmUpRequests = 5;

    /// <summary>Reads exactly what the API's matrix reads: the round's participants by name, each with their started and reported things.</summary>
    private const string PlainSql = """
        SELECT e.id, s.id, s.name, s.unit_id, s.is_manager, e.is_pilot, e.status, e.things_reported, e.last_activity_at,
               p.position, p.status, p.started_at, p.reported_at, p.acknowledged_at
        FROM participants.enrolments e
        JOIN participants.staff_members s ON s.id = e.staff_member_id
        LEFT JOIN participants.thing_progress p ON p.enrolment_id = e.id
        WHERE e.round_id = @round
        ORDER BY s.name, s.id, p.position
        """;

    public static async Task<IReadOnlyList<string>> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        var (participants, things) = (options.MatrixParticipants, options.MatrixThings);
        await using var database = await Database.OpenAsync(options.ConnectionString, cancellationToken);
        using var api = new ApiClient(options.ApiUrl);

        Step($"signing in as {options.AdminEmail}");
        await api.LoginAsync(options.AdminEmail, options.AdminPassword, cancellationToken);

        var (roundId, cells) = await PrepareRoundAsync(options, api, "98", "Matris", cancellationToken);

        var path = $"/api/v1/rounds/{roundId}/progress?pageSize={participants}";
        await using var sql = new NpgsqlConnection(options.ConnectionString);
        await sql.OpenAsync(cancellationToken);
        Step($"warming up with {WarmUpRequests} requests and queries of each (not measured)");
        for (var i = 0; i < WarmUpRequests; i++)
        {
            await api.GetAsync(path, cancellationToken);
            await PlainSqlAsync(sql, roundId, cancellationToken);
        }

        var (body, _) = await api.GetAsync(path, cancellationToken);
        Verify(failures, body, participants, things, cells);

        var apiTimes = new List<TimeSpan>();
        var sqlTimes = new List<TimeSpan>();
        var sqlRows = 0;
        for (var run = 0; run < options.MatrixRequests; run++)
        {
            // Alternated, so that whatever else the machine does falls on both alike.
            apiTimes.Add((await api.GetAsync(path, cancellationToken)).Elapsed);
            (sqlRows, var elapsed) = await PlainSqlAsync(sql, roundId, cancellationToken);
            sqlTimes.Add(elapsed);
        }

        Report(options, await database.ServerVersionAsync(cancellationToken), body.Length, cells, sqlRows, apiTimes, sqlTimes);
        return failures;
    }

    /// <summary>
    /// A county, municipality and library of their own (by <paramref name="countyCode"/>), a course of the
    /// options' things, and an open round of it with every thing out and the participants' dense progress
    /// written straight into the database. The web bench draws the same round.
    /// </summary>
    internal static async Task<(Guid RoundId, long Cells)> PrepareRoundAsync(
        BenchOptions options, ApiClient api, string countyCode, string name, CancellationToken cancellationToken)
    {
        var (participants, things) = (options.MatrixParticipants, options.MatrixThings);
        Step($"creating {name}län ({countyCode}) and {name}kommun ({countyCode}01) with one library, a course of {things} things and a round of it");
        var county = await api.CreateLibraryAsync(new { type = "County", name = $"{name}län", countyCode }, cancellationToken);
        var municipality = await api.CreateLibraryAsync(
            new { type = "Municipality", name = $"{name}kommun", parentId = county, municipalityCode = $"{countyCode}01" }, cancellationToken);
        var library = await api.CreateLibraryAsync(
            new { type = "MainLibrary", name = $"{name} stadsbibliotek", parentId = municipality, staffCount = participants }, cancellationToken);
        var roundId = await CreateRoundAsync(api, county, municipality, things, cancellationToken);

        Step($"enrolling {participants} staff (imported as a roster) and releasing every thing");
        var roster = Enumerable.Range(1, participants)
            .Select(i => new RosterRow($"Deltagare {i:D4}", $"deltagare{i:D4}@{name.ToLowerInvariant()}.example.se", $"{name} stadsbibliotek", "Bibliotekarie", i % 25 == 0))
            .ToList();
        var (imported, _) = await api.ImportAsync(Roster.ToCsv(roster), dryRun: false, cancellationToken);
        if (imported.Created != participants)
        {
            throw new BenchSetupException($"the roster import created {imported.Created} staff, not {participants}");
        }

        await api.PostAsync($"/api/v1/rounds/{roundId}/enrolments", new { libraryId = library }, cancellationToken);
        // Each release names how many are out (the scheduler may have released the first).
        for (var released = 0; released < things;)
        {
            released = (await api.PostAsync<ReleasedAnswer>(
                $"/api/v1/rounds/{roundId}/release-next", new { expectedReleased = released }, cancellationToken)).ReleasedCount;
        }

        Step("writing the participants' progress with COPY (dense: most have reported most things)");
        var cells = await SeedProgressAsync(options.ConnectionString, roundId, things, cancellationToken);
        Step($"{cells} progress cells for {participants} participants ({100.0 * cells / (participants * things):F0}% of the matrix)");
        return (roundId, cells);
    }

    private static async Task<Guid> CreateRoundAsync(ApiClient api, Guid county, Guid municipality, int things, CancellationToken cancellationToken)
    {
        var course = await api.PostAsync<IdAnswer>("/api/v1/courses", new { countyId = county, title = "Matriskursen", language = "sv" }, cancellationToken);
        for (var position = 1; position <= things; position++)
        {
            await api.PostAsync($"/api/v1/courses/{course.Id}/things", new { title = $"Sak {position}", estimatedMinutes = 30 }, cancellationToken);
        }

        await api.PostAsync($"/api/v1/courses/{course.Id}/publish", null, cancellationToken);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var round = await api.PostAsync<IdAnswer>("/api/v1/rounds", new
        {
            courseId = course.Id, homeLibraryId = municipality, title = "Matrisrundan",
            kickOff = today.AddDays(-1), deadline = today.AddYears(1),
        }, cancellationToken);
        await api.PostAsync($"/api/v1/rounds/{round.Id}/open", null, cancellationToken);
        return round.Id;
    }

    /// <summary>
    /// Participant i has reported the first k things, k spread from 60% to all of them, and started
    /// the next; their enrolment's counters agree, as the API's own reports would leave them.
    /// </summary>
    private static async Task<long> SeedProgressAsync(string connectionString, Guid roundId, int things, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var thingIds = await ThingIdsAsync(connection, roundId, cancellationToken);
        var enrolments = new List<(Guid Id, Guid Library)>();
        await using (var command = new NpgsqlCommand("SELECT id, round_library_id FROM participants.enrolments WHERE round_id = @round ORDER BY id", connection))
        {
            command.Parameters.AddWithValue("round", roundId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                enrolments.Add((reader.GetGuid(0), reader.GetGuid(1)));
            }
        }

        var random = new Random(350_130);
        var start = DateTimeOffset.UtcNow.AddDays(-200);
        var reported = new Dictionary<Guid, int>();
        long cells = 0;
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY participants.thing_progress (enrolment_id, thing_id, position, round_id, round_library_id, status, started_at, reported_at, reflection_text) " +
            "FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (id, library) in enrolments)
            {
                var done = random.Next(things * 6 / 10, things + 1);
                reported[id] = done;
                for (var position = 1; position <= Math.Min(done + 1, things); position++)
                {
                    var isReported = position <= done;
                    var startedAt = start.AddHours(position * 30 + random.Next(0, 24));
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(thingIds[position - 1], NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(position, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(roundId, NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(library, NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(isReported ? "Reported" : "Started", NpgsqlDbType.Text, cancellationToken);
                    await writer.WriteAsync(startedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    if (isReported)
                    {
                        await writer.WriteAsync(startedAt.AddHours(random.Next(1, 48)), NpgsqlDbType.TimestampTz, cancellationToken);
                        await writer.WriteAsync($"Reflektion över sak {position}.", NpgsqlDbType.Text, cancellationToken);
                    }
                    else
                    {
                        await writer.WriteNullAsync(cancellationToken);
                        await writer.WriteNullAsync(cancellationToken);
                    }

                    cells++;
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var update = new NpgsqlCommand(
            "UPDATE participants.enrolments e SET things_reported = c.done, status = CASE WHEN c.done = @things THEN 'Completed' ELSE 'Active' END, " +
            "activated_at = @start, last_activity_at = now(), completed_at = CASE WHEN c.done = @things THEN now() END " +
            "FROM unnest(@ids, @done) AS c(id, done) WHERE e.id = c.id", connection))
        {
            update.Parameters.AddWithValue("things", things);
            update.Parameters.AddWithValue("start", start);
            update.Parameters.AddWithValue("ids", reported.Keys.ToArray());
            update.Parameters.AddWithValue("done", reported.Values.ToArray());
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var analyze = new NpgsqlCommand("VACUUM ANALYZE participants.thing_progress, participants.enrolments, participants.staff_members", connection))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        return cells;
    }

    internal static async Task<IReadOnlyList<Guid>> ThingIdsAsync(NpgsqlConnection connection, Guid roundId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT things::text FROM courses.rounds WHERE id = @round", connection);
        command.Parameters.AddWithValue("round", roundId);
        var json = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray()
            .OrderBy(t => Property(t, "position").GetInt32())
            .Select(t => Property(t, "id").GetGuid())];
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.EnumerateObject().First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <returns>The rows read, every column of every row taken out of the reader, and the wall time.</returns>
    internal static async Task<(int Rows, TimeSpan Elapsed)> PlainSqlAsync(NpgsqlConnection connection, Guid roundId, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var command = new NpgsqlCommand(PlainSql, connection);
        command.Parameters.AddWithValue("round", roundId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = await SqlReading.ReadEveryValueAsync(reader, cancellationToken);
        clock.Stop();
        return (rows, clock.Elapsed);
    }

    internal static void Verify(List<string> failures, string body, int participants, int things, long cells)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var rows = root.GetProperty("items").GetArrayLength();
        var columns = root.GetProperty("things").GetArrayLength();
        var answered = root.GetProperty("items").EnumerateArray().Sum(r => r.GetProperty("cells").GetArrayLength());
        if (root.GetProperty("totalCount").GetInt32() != participants || rows != participants)
        {
            failures.Add($"the matrix has {rows} rows of {root.GetProperty("totalCount").GetInt32()}, not {participants}");
        }

        if (columns != things)
        {
            failures.Add($"the matrix has {columns} things, not {things}");
        }

        if (answered != cells)
        {
            failures.Add($"the matrix holds {answered} cells, not the {cells} written");
        }
    }

    private static void Report(
        BenchOptions options, string serverVersion, int bytes, long cells, int sqlRows, List<TimeSpan> apiTimes, List<TimeSpan> sqlTimes)
    {
        var (apiMedian, sqlMedian) = (Stats.Median(apiTimes), Stats.Median(sqlTimes));
        Console.WriteLine();
        Console.WriteLine(
            $"Progress matrix, {options.MatrixParticipants} participants x {options.MatrixThings} things ({cells} cells), " +
            $"{options.MatrixRequests} runs alternated; API in Release on 127.0.0.1, PostgreSQL {serverVersion} (fsync off)");
        Console.WriteLine();
        Console.WriteLine($"{"operation",-40} {"median ms",10} {"p95 ms",8} {"min-max ms",14} {"vs SQL",7}");
        Console.WriteLine(new string('-', 40 + 10 + 8 + 14 + 7 + 4));
        Line("a) GET /rounds/{id}/progress (API)", apiTimes, sqlMedian);
        Line($"b) plain SQL, same rows ({sqlRows} rows)", sqlTimes, sqlMedian);
        Console.WriteLine();
        Console.WriteLine($"response: {bytes / 1024.0:F0} KiB of JSON; load average (1 min): {Stats.LoadAverage()} on {Environment.ProcessorCount} CPUs");
        var verdict = apiMedian.TotalMilliseconds < TargetMilliseconds ? "PASS" : "FAIL";
        Console.WriteLine(
            $"target: the matrix under {TargetMilliseconds:F0} ms at the median: {verdict} (median {Stats.Ms(apiMedian)} ms, " +
            $"{(apiMedian / sqlMedian).ToString("F1", CultureInfo.InvariantCulture)}x the plain SQL)");
    }

    private static void Line(string operation, List<TimeSpan> times, TimeSpan floor)
    {
        var spread = $"{Stats.Ms(times.Min())}-{Stats.Ms(times.Max())}";
        Console.WriteLine(
            $"{operation,-40} {Stats.Ms(Stats.Median(times)),10} {Stats.Ms(Stats.Percentile(times, 95)),8} {spread,14} " +
            $"{((Stats.Median(times) / floor).ToString("F1", CultureInfo.InvariantCulture) + "x"),7}");
    }

    private static void Step(string message) => Console.WriteLine($"bench: {message}");

    private sealed record IdAnswer(Guid Id);

    private sealed record ReleasedAnswer(int ReleasedCount);
}
