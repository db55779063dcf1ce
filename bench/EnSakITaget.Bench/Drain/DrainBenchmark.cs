using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Npgsql;
using NpgsqlTypes;

namespace EnSakITaget.Bench.Drain;

/// <summary>
/// A release notice to a round of 1,500 enrolled staff (a county) and to one of 30,000 (the national
/// roll-out), each queued by the release through the notice tick and drained by the API's sender to a
/// mail server in this process on 127.0.0.1; meanwhile a participant reads <c>GET /api/v1/me/rounds</c>,
/// before the first release (idle) and during each drain, so the ratio holds on a noisy machine.
/// The staff and their enrolments are written by COPY: enrolling them through the API would queue
/// 31,500 invitations first, which is not what is measured.
/// </summary>
internal static class DrainBenchmark
{
    private const double TargetPerSecond = 500;
    private const double TargetReadRatio = 2;
    private const int IdleSeconds = 10;
    private const int ReadWorkers = 2;
    private static readonly TimeSpan ReadPause = TimeSpan.FromMilliseconds(20);
    /// <summary>The rounds' sizes: a county and the national roll-out; <c>BENCH_DRAIN_SIZES=1500</c> runs the county's alone.</summary>
    private static readonly int[] Sizes = Environment.GetEnvironmentVariable("BENCH_DRAIN_SIZES") is { Length: > 0 } sizes
        ? [.. sizes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture))]
        : [1_500, 30_000];
    private const string EmailDomain = "utskick.example.se";
    private const string Password = "Utskick-2026-lasare";

    private sealed record Read(long StartedAt, TimeSpan Elapsed);

    private sealed record Phase(
        int Size, double PerSecond, TimeSpan ReleaseToLast, TimeSpan ReleaseToQueued, TimeSpan FirstToLast, TimeSpan ReadP95, int Reads,
        CpuSeconds Queuing, CpuSeconds Sending, int ReadsWhileSending);

    public static async Task<IReadOnlyList<string>> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var port = options.SmtpPort ?? throw new BenchSetupException(
            "BENCH_SMTP_PORT is not set: bench/run.sh --only drain starts the API pointed at a mail server on that port");
        var failures = new List<string>();
        await using var sink = new SmtpSink(port);
        using var api = new ApiClient(options.ApiUrl);
        Step($"mail server listening on 127.0.0.1:{port}; signing in as {options.AdminEmail}");
        await api.LoginAsync(options.AdminEmail, options.AdminPassword, cancellationToken);

        var total = Sizes.Sum();
        Step($"creating Utskickslän (97), Utskickskommun (9701) with one library, a course of 2 things and {Sizes.Length} open rounds");
        var county = await api.CreateLibraryAsync(new { type = "County", name = "Utskickslän", countyCode = "97" }, cancellationToken);
        var municipality = await api.CreateLibraryAsync(
            new { type = "Municipality", name = "Utskickskommun", parentId = county, municipalityCode = "9701" }, cancellationToken);
        var library = await api.CreateLibraryAsync(
            new { type = "MainLibrary", name = "Utskicks stadsbibliotek", parentId = municipality, staffCount = 10_000 }, cancellationToken);
        var course = await api.PostAsync<IdAnswer>("/api/v1/courses", new { countyId = county, title = "Utskickskursen", language = "sv" }, cancellationToken);
        for (var position = 1; position <= 2; position++)
        {
            await api.PostAsync($"/api/v1/courses/{course.Id}/things", new { title = $"Sak {position}", estimatedMinutes = 30 }, cancellationToken);
        }

        await api.PostAsync($"/api/v1/courses/{course.Id}/publish", null, cancellationToken);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var rounds = new List<Guid>();
        foreach (var size in Sizes)
        {
            var round = await api.PostAsync<IdAnswer>("/api/v1/rounds", new
            {
                courseId = course.Id, homeLibraryId = municipality, title = $"Utskick till {size}",
                kickOff = today.AddDays(-1), deadline = today.AddYears(1),
            }, cancellationToken);
            await api.PostAsync($"/api/v1/rounds/{round.Id}/open", null, cancellationToken);
            rounds.Add(round.Id);
        }

        Step($"writing {total} staff and their enrolments (active, nothing reported) with COPY");
        var staff = await CopyStaffAndEnrolmentsAsync(options.ConnectionString, library, municipality, rounds, cancellationToken);

        var reader = staff[0];
        await api.PostAsync("/api/v1/users", new
        {
            email = reader.Email, displayName = reader.Name, password = Password, roles = new[] { new { role = "Participant", libraryId = library } },
        }, cancellationToken);
        using var readerClient = ApiClient.CreateHttpClient(options.ApiUrl);
        readerClient.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", await api.AccessTokenAsync(reader.Email, Password, cancellationToken));

        await using var sql = new NpgsqlConnection(options.ConnectionString);
        await sql.OpenAsync(cancellationToken);
        await WaitForEmptyOutboxAsync(sql, cancellationToken);
        sink.Reset();
        var cpu = new DrainCpu(options.ApiProcessId, await PostmasterAsync(sql, cancellationToken));
        if (!cpu.KnowsApi)
        {
            Step("BENCH_API_PID is not set or not readable: the API's CPU per message is not reported");
        }

        Step($"reading GET /api/v1/me/rounds with {ReadWorkers} workers ({ReadPause.TotalMilliseconds:F0} ms between reads): {IdleSeconds} s idle first");
        var reads = new ConcurrentQueue<Read>();
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readers = Enumerable.Range(0, ReadWorkers).Select(_ => ReadAsync(readerClient, reads, stopReading.Token)).ToList();
        var idleFrom = Stopwatch.GetTimestamp();
        var idleCpuFrom = cpu.Read();
        await Task.Delay(TimeSpan.FromSeconds(IdleSeconds), cancellationToken);
        var idleTo = Stopwatch.GetTimestamp();
        var idleCpu = cpu.Read() - idleCpuFrom;
        var idle = Between(reads, idleFrom, idleTo);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"drain: CPU while idle, ms per read of GET /api/v1/me/rounds: API {idleCpu.Api * 1000 / Math.Max(1, idle.Count):F2}, PostgreSQL {idleCpu.Postgres * 1000 / Math.Max(1, idle.Count):F2}"));
        if (idle.Count == 0)
        {
            throw new BenchSetupException("no read of GET /api/v1/me/rounds finished while idle");
        }

        var idleP95 = Stats.Percentile(idle, 95);
        Console.WriteLine($"drain: GET /api/v1/me/rounds p95 idle: {Stats.Ms(idleP95)} ms ({idle.Count} reads), load average {Stats.LoadAverage() ?? "unknown"}");
        var phases = new List<Phase>();
        for (var i = 0; i < Sizes.Length; i++)
        {
            var (size, round) = (Sizes[i], rounds[i]);
            sink.Reset();
            Step($"releasing the first thing of the round of {size} and waiting for {size} messages");
            var releasedAt = Stopwatch.GetTimestamp();
            var releasedAtUtc = DateTimeOffset.UtcNow;
            var cpuAtRelease = cpu.Read();
            (CpuSeconds Cpu, long At)? atFirst = null;
            await api.PostAsync($"/api/v1/rounds/{round}/release-next", new { expectedReleased = 0 }, cancellationToken);
            var progress = Stopwatch.StartNew();
            while (sink.Received < size)
            {
                await Task.Delay(atFirst is null ? 10 : 100, cancellationToken);
                if (atFirst is null && sink.Received > 0)
                {
                    atFirst = (cpu.Read(), Stopwatch.GetTimestamp());
                }

                if (progress.Elapsed > TimeSpan.FromSeconds(15))
                {
                    Step($"  {sink.Received} of {size} received");
                    progress.Restart();
                }
            }

            var (cpuAtLast, lastSeen) = (cpu.Read(), Stopwatch.GetTimestamp());
            var (cpuAtFirst, firstSeen) = atFirst ?? (cpuAtRelease, releasedAt);
            var (first, last) = sink.Span;
            // A moment more, so that a message sent twice would arrive and be counted.
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            var queuedAt = await LastQueuedAsync(sql, releasedAtUtc, cancellationToken);
            var during = Between(reads, releasedAt, last);
            if (sink.Received != size || sink.DistinctRecipients != size || sink.Doubled > 0)
            {
                failures.Add($"the round of {size}: {sink.Received} messages to {sink.DistinctRecipients} people ({sink.Doubled} twice), not one each to {size}");
            }

            foreach (var (state, count, lastError) in await NotSentAsync(sql, releasedAtUtc, cancellationToken))
            {
                failures.Add($"the round of {size}: {count} of its messages are {state} in the outbox, not Sent{(lastError is null ? "" : $" (last error: {lastError})")}");
            }

            var firstToLast = Stopwatch.GetElapsedTime(first, last);
            phases.Add(new Phase(
                size,
                (size - 1) / Math.Max(firstToLast.TotalSeconds, 0.001),
                Stopwatch.GetElapsedTime(releasedAt, last),
                queuedAt is { } q ? q - releasedAtUtc : TimeSpan.Zero,
                firstToLast,
                during.Count > 0 ? Stats.Percentile(during, 95) : TimeSpan.Zero,
                during.Count,
                cpuAtFirst - cpuAtRelease,
                cpuAtLast - cpuAtFirst,
                Between(reads, firstSeen, lastSeen).Count));

            // Each phase as it ends: a run stopped during the next one still leaves this one's figures.
            Report(idleP95, idle.Count, phases[^1..]);
        }

        await stopReading.CancelAsync();
        await Task.WhenAll(readers);
        Report(idleP95, idle.Count, phases);
        return failures;
    }

    private static async Task ReadAsync(HttpClient client, ConcurrentQueue<Read> reads, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                using (var response = await client.GetAsync("/api/v1/me/rounds", HttpCompletionOption.ResponseContentRead, cancellationToken))
                {
                    await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    if (!response.IsSuccessStatusCode)
                    {
                        throw new BenchSetupException($"GET /api/v1/me/rounds answered {(int)response.StatusCode}");
                    }
                }

                reads.Enqueue(new Read(started, Stopwatch.GetElapsedTime(started)));
                await Task.Delay(ReadPause, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static List<TimeSpan> Between(IEnumerable<Read> reads, long from, long to) =>
        [.. reads.Where(r => r.StartedAt >= from && r.StartedAt <= to).Select(r => r.Elapsed)];

    /// <summary>The staff, spread over the rounds in order (the first <c>Sizes[0]</c> in the first round, and so on), each active in one.</summary>
    private static async Task<List<(Guid Id, string Name, string Email)>> CopyStaffAndEnrolmentsAsync(
        string connectionString, Guid library, Guid municipality, IReadOnlyList<Guid> rounds, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var staff = Enumerable.Range(1, Sizes.Sum())
            .Select(i => (Id: Guid.NewGuid(), Name: $"Mottagare {i:D5}", Email: $"mottagare{i:D5}@{EmailDomain}"))
            .ToList();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY participants.staff_members (id, name, email, unit_id, title, is_manager, created_at, updated_at, revision) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var member in staff)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(member.Id, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(member.Name, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(member.Email, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(library, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync("Bibliotekarie", NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean, cancellationToken);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY participants.enrolments (id, round_id, round_library_id, staff_member_id, is_pilot, status, attended_kick_off, " +
            "invited_at, activated_at, things_reported, nudge_count, invited_on, revision) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            var offset = 0;
            for (var r = 0; r < rounds.Count; r++)
            {
                foreach (var member in staff.Skip(offset).Take(Sizes[r]))
                {
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(rounds[r], NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(municipality, NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(member.Id, NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(false, NpgsqlDbType.Boolean, cancellationToken);
                    await writer.WriteAsync("Active", NpgsqlDbType.Text, cancellationToken);
                    await writer.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
                    await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                    await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                    await writer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(DateOnly.FromDateTime(now.UtcDateTime), NpgsqlDbType.Date, cancellationToken);
                    await writer.WriteAsync(1, NpgsqlDbType.Integer, cancellationToken);
                }

                offset += Sizes[r];
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using var analyze = new NpgsqlCommand("ANALYZE participants.staff_members; ANALYZE participants.enrolments", connection);
        await analyze.ExecuteNonQueryAsync(cancellationToken);
        return staff;
    }

    /// <summary>PostgreSQL's postmaster: the parent of this connection's backend, when it runs on this machine.</summary>
    private static async Task<int?> PostmasterAsync(NpgsqlConnection sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", sql);
        return DrainCpu.ParentOf((int)(await command.ExecuteScalarAsync(cancellationToken))!);
    }

    /// <summary>Whatever the set-up queued (nothing, as it should) is out before the idle reads.</summary>
    private static async Task WaitForEmptyOutboxAsync(NpgsqlConnection sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM messaging.outbox_messages WHERE state = 'Pending'", sql);
        while ((long)(await command.ExecuteScalarAsync(cancellationToken))! > 0)
        {
            await Task.Delay(500, cancellationToken);
        }
    }

    /// <summary>This release's messages the outbox does not hold as sent, by state, with one last error each: a drain that arrived in full leaves none.</summary>
    private static async Task<List<(string State, long Count, string? LastError)>> NotSentAsync(
        NpgsqlConnection sql, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT state, count(*), max(last_error) FROM messaging.outbox_messages WHERE created_at >= @since AND state <> 'Sent' GROUP BY state", sql);
        command.Parameters.AddWithValue("since", since);
        var rows = new List<(string, long, string?)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return rows;
    }

    /// <summary>When the last message of this release was written to the outbox: the tick's wait and its queuing.</summary>
    private static async Task<DateTimeOffset?> LastQueuedAsync(NpgsqlConnection sql, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT max(created_at) FROM messaging.outbox_messages WHERE created_at >= @since", sql);
        command.Parameters.AddWithValue("since", since);
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }

    private static void Report(TimeSpan idleP95, int idleReads, IReadOnlyList<Phase> phases)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine($"Release notices drained to a mail server on 127.0.0.1 (load average {Stats.LoadAverage() ?? "unknown"} at the end)");
        Console.WriteLine($"  GET /api/v1/me/rounds p95 idle: {Stats.Ms(idleP95)} ms ({idleReads} reads)");
        foreach (var p in phases)
        {
            string Per(double seconds) => (seconds * 1000 / p.Size).ToString("F3", c);
            var ratio = idleP95 > TimeSpan.Zero ? p.ReadP95 / idleP95 : double.NaN;
            Console.WriteLine(string.Create(c, $"  {p.Size,6} recipients: {p.PerSecond,6:F0} messages/s (target >= {TargetPerSecond:F0}: {(p.PerSecond >= TargetPerSecond ? "met" : "missed")}), " +
                $"release to last message {p.ReleaseToLast.TotalSeconds:F1} s (queued by {p.ReleaseToQueued.TotalSeconds:F1} s, first to last {p.FirstToLast.TotalSeconds:F1} s)"));
            Console.WriteLine(string.Create(c, $"         CPU, ms per message: queuing (release to first message) API {Per(p.Queuing.Api)}, PostgreSQL {Per(p.Queuing.Postgres)}; " +
                $"sending (first to last, with {p.ReadsWhileSending} reads) API {Per(p.Sending.Api)}, PostgreSQL {Per(p.Sending.Postgres)}, mail server and readers {Per(p.Sending.Client)}"));
            Console.WriteLine(string.Create(c, $"         /me/rounds p95 while draining {Stats.Ms(p.ReadP95)} ms ({p.Reads} reads) = {ratio:F2} x idle (target <= {TargetReadRatio:F0}: {(ratio <= TargetReadRatio ? "met" : "missed")})"));
        }
    }

    private static void Step(string message) => Console.WriteLine($"drain: {message}");

    private sealed record IdAnswer(Guid Id);
}
