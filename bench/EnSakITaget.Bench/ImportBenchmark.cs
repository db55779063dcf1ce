using System.Globalization;

namespace EnSakITaget.Bench;

internal static class ImportBenchmark
{
    private const int TargetRows = 10_000;
    private const double TargetMilliseconds = 5_000;
    private const int WarmUpPasses = 2;

    /// <returns>The correctness checks that failed; none when the import did what it promises.</returns>
    public static async Task<IReadOnlyList<string>> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        var loadAtStart = LoadAverage();
        await using var database = await Database.OpenAsync(options.ConnectionString, cancellationToken);
        using var api = new ApiClient(options.ApiUrl);

        Step($"signing in as {options.AdminEmail}");
        await api.LoginAsync(options.AdminEmail, options.AdminPassword, cancellationToken);

        Step($"creating Benchlän (99), Benchkommun (9901) and {Roster.UnitCount} branches");
        var unitIds = await CreateLibrariesAsync(api, cancellationToken);

        var rows = Roster.Generate(options.Rows);
        var csv = Roster.ToCsv(rows);
        Step($"roster: {rows.Count} rows, {csv.Length / 1024.0:F0} KiB of UTF-8 with BOM, semicolons");

        // Whole unmeasured passes, with other e-mail addresses. After only one, the first measured
        // import still took two to three times as long as the later ones (most likely the JIT
        // still tiering up in the API, on a machine with few cores).
        Step($"warming up with {WarmUpPasses} passes of {rows.Count} other rows (not measured)");
        var warmUp = Roster.Generate(rows.Count, emailPrefix: "uppvarmning.");
        var warmUpCsv = Roster.ToCsv(warmUp);
        for (var pass = 1; pass <= WarmUpPasses; pass++)
        {
            await api.ImportAsync(warmUpCsv, dryRun: true, cancellationToken);
            if (pass == 1)
            {
                await database.RequireStaffTableAsync(cancellationToken);
                await database.CreateScratchTableAsync(cancellationToken);
            }

            await api.ImportAsync(warmUpCsv, dryRun: false, cancellationToken);
            await api.ImportAsync(warmUpCsv, dryRun: false, cancellationToken);
            await database.CopyAsync(warmUp, unitIds, cancellationToken);
            await database.ResetAsync(cancellationToken);
            await database.EmptyScratchTableAsync(cancellationToken);
        }

        var import = new List<TimeSpan>();
        var reimport = new List<TimeSpan>();
        var dryRun = new List<TimeSpan>();
        var copy = new List<TimeSpan>();
        for (var run = 1; run <= options.Repeat; run++)
        {
            await database.ResetAsync(cancellationToken);
            await database.EmptyScratchTableAsync(cancellationToken);
            var n = rows.Count;

            var (preview, previewTime) = await api.ImportAsync(csv, dryRun: true, cancellationToken);
            dryRun.Add(previewTime);
            Check(failures, run, "dry run", preview, expectDryRun: true, created: n, unchanged: 0);
            CheckCount(failures, run, "after the dry run", await database.CountBenchStaffAsync(cancellationToken), expected: 0);

            var (first, firstTime) = await api.ImportAsync(csv, dryRun: false, cancellationToken);
            import.Add(firstTime);
            Check(failures, run, "import", first, expectDryRun: false, created: n, unchanged: 0);
            CheckCount(failures, run, "after the import", await database.CountBenchStaffAsync(cancellationToken), expected: n);

            var (again, againTime) = await api.ImportAsync(csv, dryRun: false, cancellationToken);
            reimport.Add(againTime);
            Check(failures, run, "re-import", again, expectDryRun: false, created: 0, unchanged: n);
            CheckCount(failures, run, "after the re-import", await database.CountBenchStaffAsync(cancellationToken), expected: n);

            var copyTime = await database.CopyAsync(rows, unitIds, cancellationToken);
            copy.Add(copyTime);

            Step($"run {run}/{options.Repeat}: import {Ms(firstTime)} ms, re-import {Ms(againTime)} ms, " +
                 $"dry run {Ms(previewTime)} ms, COPY {Ms(copyTime)} ms");
        }

        var serverVersion = await database.ServerVersionAsync(cancellationToken);
        Report(options, serverVersion, csv.Length, loadAtStart, import, reimport, dryRun, copy);
        return failures;
    }

    private static async Task<IReadOnlyDictionary<string, Guid>> CreateLibrariesAsync(ApiClient api, CancellationToken cancellationToken)
    {
        var county = await api.CreateLibraryAsync(new { type = "County", name = "Benchlän", countyCode = "99" }, cancellationToken);
        var municipality = await api.CreateLibraryAsync(
            new { type = "Municipality", name = "Benchkommun", parentId = county, municipalityCode = "9901" }, cancellationToken);
        var units = new Dictionary<string, Guid>(StringComparer.Ordinal);
        for (var number = 1; number <= Roster.UnitCount; number++)
        {
            var name = Roster.UnitName(number);
            units[name] = await api.CreateLibraryAsync(
                new { type = "Branch", name, parentId = municipality, staffCount = 50 }, cancellationToken);
        }

        return units;
    }

    private static void Check(List<string> failures, int run, string what, ImportResult result, bool expectDryRun, int created, int unchanged)
    {
        var expected = $"dryRun {expectDryRun}, created {created}, updated 0, unchanged {unchanged}, rejected 0";
        var actual = $"dryRun {result.DryRun}, created {result.Created}, updated {result.Updated}, unchanged {result.Unchanged}, rejected {result.Rejected.Count}";
        if (expected != actual)
        {
            var rejections = string.Concat(result.Rejected.Take(3).Select(r => $"; line {r.Line} {r.Email}: {r.Reason}"));
            failures.Add($"run {run}, {what}: expected {expected}; got {actual}{rejections}");
        }
    }

    private static void CheckCount(List<string> failures, int run, string when, long actual, long expected)
    {
        if (actual != expected)
        {
            failures.Add($"run {run}, {when}: {actual} benchmark rows in participants.staff_members, expected {expected}");
        }
    }

    private static void Report(
        BenchOptions options,
        string serverVersion,
        int csvBytes,
        string? loadAtStart,
        List<TimeSpan> import,
        List<TimeSpan> reimport,
        List<TimeSpan> dryRun,
        List<TimeSpan> copy)
    {
        var floor = Median(copy);
        var lines = new List<(string Operation, List<TimeSpan> Times)>
        {
            ("a) import, new rows (API)", import),
            ("b) re-import, unchanged (API)", reimport),
            ("c) dry run (API)", dryRun),
            ("d) plain SQL: binary COPY", copy),
        };

        Console.WriteLine();
        Console.WriteLine(
            $"Roster import, {options.Rows} rows ({csvBytes / 1024.0:F0} KiB CSV), median of {options.Repeat}; " +
            $"API in Release on 127.0.0.1, PostgreSQL {serverVersion} (fsync off)");
        Console.WriteLine();
        Console.WriteLine($"{"operation",-32} {"rows",7} {"median ms",10} {"min-max ms",15} {"rows/s",9} {"vs COPY",8}");
        Console.WriteLine(new string('-', 32 + 7 + 10 + 15 + 9 + 8 + 5));
        foreach (var (operation, times) in lines)
        {
            var median = Median(times);
            var spread = $"{Ms(times.Min())}-{Ms(times.Max())}";
            var rate = options.Rows / median.TotalSeconds;
            var ratio = median / floor;
            Console.WriteLine(
                $"{operation,-32} {options.Rows,7} {Ms(median),10} {spread,15} {rate.ToString("F0", CultureInfo.InvariantCulture),9} " +
                $"{(ratio.ToString("F1", CultureInfo.InvariantCulture) + "x"),8}");
        }

        if (loadAtStart is not null)
        {
            Console.WriteLine();
            // Other work on the machine moves the times far more than the ratios; this says how much there was.
            Console.WriteLine($"load average (1 min): {loadAtStart} at the start, {LoadAverage()} at the end, on {Environment.ProcessorCount} CPUs");
        }

        Console.WriteLine();
        var importMedian = Median(import);
        if (options.Rows == TargetRows)
        {
            var verdict = importMedian.TotalMilliseconds < TargetMilliseconds ? "PASS" : "FAIL";
            Console.WriteLine($"target: {TargetRows}-row import under {TargetMilliseconds:F0} ms: {verdict} (median {Ms(importMedian)} ms)");
        }
        else
        {
            Console.WriteLine(
                $"target: {TargetRows}-row import under {TargetMilliseconds:F0} ms: not judged, this run had {options.Rows} rows (median {Ms(importMedian)} ms)");
        }
    }

    private static TimeSpan Median(List<TimeSpan> times) => Stats.Median(times);

    private static string Ms(TimeSpan time) => Stats.Ms(time);

    private static string? LoadAverage() => Stats.LoadAverage();

    private static void Step(string message) => Console.WriteLine($"bench: {message}");
}
