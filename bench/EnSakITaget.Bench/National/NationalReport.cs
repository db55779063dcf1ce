using System.Globalization;

namespace EnSakITaget.Bench.National;

/// <summary>The reads' measurements, each API read with the plain SQL it is compared with.</summary>
internal sealed record ReadResults(
    LoadResult Health, LoadResult Country, LoadResult CountrySql, LoadResult County, LoadResult NotModified, LoadResult Matrix, LoadResult MatrixSql);

/// <param name="Loaded">The reads under the concurrent load the targets are judged on.</param>
/// <param name="OneAtATime">The same reads with one worker: their latency without queueing, for context.</param>
internal sealed record NationalResults(ReadResults Loaded, ReadResults OneAtATime, LoadResult Writes);

/// <summary>The national scenario's tables and targets; a missed target is reported, not failed.</summary>
internal static class NationalReport
{
    private const double CountryTargetMs = 50;
    private const double CountryToSql = 2;
    private const double NotModifiedToHealth = 1.5;
    private const double MatrixTargetMs = 200;
    private const double MatrixToSql = 2;
    private const double WritesPerSecond = 300;
    private const double MemoryTargetMb = 300;

    public static void PrintSeeding(TimeSpan seeding, IReadOnlyList<(string Table, long Rows)> counts, ApiMemory memory)
    {
        Console.WriteLine();
        Console.WriteLine($"National data set seeded in {seeding.TotalSeconds:F0} s (API calls, SQL clones, binary COPY, VACUUM ANALYZE, the writers' accounts):");
        foreach (var (table, rows) in counts)
        {
            Console.WriteLine($"  {table,-36} {rows.ToString("N0", CultureInfo.InvariantCulture),12}");
        }

        Console.WriteLine($"API memory after the seeding: resident {ApiMemory.Megabytes(memory.Resident)}, peak so far {ApiMemory.Megabytes(memory.Peak)}");
    }

    public static void Print(
        BenchOptions options, string serverVersion, NationalResults results, ApiMemory memory, IReadOnlyList<string> readModelFailures,
        string? loadAtStart, TimeSpan total)
    {
        var (loaded, single) = (results.Loaded, results.OneAtATime);
        Console.WriteLine();
        Console.WriteLine(
            $"National scale under load: {options.Workers} concurrent workers per operation, {options.MeasureSeconds} s measured after a warm-up; " +
            $"API in Release on 127.0.0.1, PostgreSQL {serverVersion} (fsync off)");
        Console.WriteLine();
        Header(withMachine: true);
        Line(loaded.Country, loaded.CountrySql, loaded.Health, withMachine: true);
        Line(loaded.CountrySql, loaded.CountrySql, loaded.Health, withMachine: true);
        Line(loaded.County, loaded.CountrySql, loaded.Health, withMachine: true);
        Line(loaded.NotModified, null, loaded.Health, withMachine: true);
        Line(loaded.Matrix, loaded.MatrixSql, loaded.Health, withMachine: true);
        Line(loaded.MatrixSql, loaded.MatrixSql, loaded.Health, withMachine: true);
        Line(results.Writes, null, loaded.Health, withMachine: true);
        Line(loaded.Health, null, loaded.Health, withMachine: true);
        Console.WriteLine("(API RSS: the API's largest resident set while the operation ran; cpu: the whole machine busy; API: cores the API process used)");

        Console.WriteLine();
        Console.WriteLine("The same reads one call at a time (latency without queueing, for context; the targets are judged under load):");
        Console.WriteLine();
        Header(withMachine: false);
        Line(single.Country, single.CountrySql, single.Health, withMachine: false);
        Line(single.CountrySql, single.CountrySql, single.Health, withMachine: false);
        Line(single.County, single.CountrySql, single.Health, withMachine: false);
        Line(single.NotModified, null, single.Health, withMachine: false);
        Line(single.Matrix, single.MatrixSql, single.Health, withMachine: false);
        Line(single.MatrixSql, single.MatrixSql, single.Health, withMachine: false);
        Line(single.Health, null, single.Health, withMachine: false);

        Console.WriteLine();
        Console.WriteLine(
            $"API memory: peak {ApiMemory.Megabytes(memory.Peak)} (VmHWM since start-up), largest VmRSS sampled while measuring {ApiMemory.Megabytes(memory.LargestSample)}; " +
            $"resident now {ApiMemory.Megabytes(memory.Resident)}: {memory.Composition}");
        Console.WriteLine(
            $"load average (1 min): {loadAtStart} at the start, {Stats.LoadAverage()} at the end, on {Environment.ProcessorCount} CPUs; whole scenario {total.TotalSeconds:F0} s");
        PrintFirstErrors(loaded, single, results.Writes);
        Console.WriteLine();
        Targets(results, memory, readModelFailures);
    }

    private static void Targets(NationalResults results, ApiMemory memory, IReadOnlyList<string> readModelFailures)
    {
        var (r, one, writes) = (results.Loaded, results.OneAtATime, results.Writes);
        var countryRatio = Ratio(r.Country, r.CountrySql);
        Target(
            $"whole-country statistics median under {CountryTargetMs:F0} ms and at most {CountryToSql:F0}x the plain SQL",
            Ms(r.Country) < CountryTargetMs && countryRatio <= CountryToSql,
            $"median {Stats.Ms(r.Country.Median)} ms, {X(countryRatio)} the SQL; one at a time {Stats.Ms(one.Country.Median)} ms, {X(Ratio(one.Country, one.CountrySql))}");
        var notModifiedRatio = Ratio(r.NotModified, r.Health);
        Target(
            $"304 answers at most {NotModifiedToHealth:F1}x /health/live",
            notModifiedRatio <= NotModifiedToHealth && r.NotModified.Errors == 0,
            $"median {Stats.Ms(r.NotModified.Median)} ms against {Stats.Ms(r.Health.Median)} ms, {X(notModifiedRatio)}, {r.NotModified.Errors} not 304; " +
            $"one at a time {X(Ratio(one.NotModified, one.Health))}");
        var matrixRatio = Ratio(r.Matrix, r.MatrixSql);
        Target(
            $"350 x 130 matrix median under {MatrixTargetMs:F0} ms and at most {MatrixToSql:F0}x the plain SQL",
            Ms(r.Matrix) < MatrixTargetMs && matrixRatio <= MatrixToSql,
            $"median {Stats.Ms(r.Matrix.Median)} ms, {X(matrixRatio)} the SQL; one at a time {Stats.Ms(one.Matrix.Median)} ms, {X(Ratio(one.Matrix, one.MatrixSql))}");
        var consistent = readModelFailures.Count == 0;
        Target(
            $"at least {WritesPerSecond:F0} reports/s with no error, read model consistent afterwards",
            writes.PerSecond >= WritesPerSecond && writes.Errors == 0 && consistent,
            $"{Rate(writes)} reports/s, {writes.Errors} errors, read model {(consistent ? "consistent" : "INCONSISTENT")}");
        var peak = memory.Peak;
        Target(
            $"API peak memory under {MemoryTargetMb:F0} MB",
            peak is { } bytes && bytes / 1024.0 / 1024.0 < MemoryTargetMb,
            $"VmHWM {ApiMemory.Megabytes(peak)}");
    }

    private static void Header(bool withMachine)
    {
        var machine = withMachine ? $" {"API RSS",8} {"cpu",5} {"API",5}" : string.Empty;
        Console.WriteLine($"{"operation",-46} {"calls",7} {"median ms",10} {"p95 ms",8} {"req/s",7} {"errors",7} {"vs SQL",7} {"vs live",8}{machine}");
        Console.WriteLine(new string('-', 46 + 7 + 10 + 8 + 7 + 7 + 7 + 8 + 7 + (withMachine ? 8 + 5 + 5 + 3 : 0)));
    }

    private static void Line(LoadResult result, LoadResult? sql, LoadResult health, bool withMachine)
    {
        var vsSql = sql is null ? "-" : X(Ratio(result, sql));
        var machine = withMachine
            ? $" {(result.ApiRss is { } rss ? (rss / 1024.0 / 1024.0).ToString("F0", CultureInfo.InvariantCulture) + " MB" : "-"),8} " +
              $"{(result.Cpu is { } cpu ? (100 * cpu.MachineBusyShare).ToString("F0", CultureInfo.InvariantCulture) + "%" : "-"),5} " +
              $"{(result.Cpu?.ApiCores is { } cores ? cores.ToString("F1", CultureInfo.InvariantCulture) : "-"),5}"
            : string.Empty;
        Console.WriteLine(
            $"{result.Operation,-46} {result.Latencies.Count,7} {Stats.Ms(result.Median),10} {Stats.Ms(result.P95),8} {Rate(result),7} " +
            $"{result.Errors,7} {vsSql,7} {X(Ratio(result, health)),8}{machine}");
    }

    private static void PrintFirstErrors(ReadResults loaded, ReadResults single, LoadResult writes)
    {
        var all = new[] { loaded, single }
            .SelectMany(r => new[] { r.Health, r.Country, r.CountrySql, r.County, r.NotModified, r.Matrix, r.MatrixSql })
            .Append(writes);
        foreach (var result in all.Where(x => x.FirstError is not null))
        {
            Console.WriteLine($"first error of {result.Operation} ({result.Workers} workers): {result.FirstError}");
        }
    }

    private static void Target(string target, bool met, string detail) =>
        Console.WriteLine($"target: {target}: {(met ? "PASS" : "FAIL")} ({detail})");

    private static double Ratio(LoadResult result, LoadResult floor) => result.Median / floor.Median;

    private static double Ms(LoadResult result) => result.Median.TotalMilliseconds;

    private static string Rate(LoadResult result) => result.PerSecond.ToString("F0", CultureInfo.InvariantCulture);

    private static string X(double ratio) => ratio.ToString(ratio >= 10 ? "F0" : "F1", CultureInfo.InvariantCulture) + "x";
}
