using System.Globalization;
using EnSakITaget.Bench;
using EnSakITaget.Bench.Drain;
using EnSakITaget.Bench.National;

// The roster import at N rows against the plain-SQL floor of a binary COPY, and the progress
// matrix of a 350 x 130 round against the plain SQL that reads the same rows, each measured in
// one run so that the ratios hold on a noisy machine; on request (--only national) a whole country
// under concurrent load. Exits 0 when every check passed (a missed target is reported, not
// failed), 1 on a wrong result or an inconsistent read model, 2 when it could not measure.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (BenchSetupException e)
{
    await Console.Error.WriteLineAsync($"bench: {e.Message}");
    return 2;
}

using var timeBound = new CancellationTokenSource(options.TimeBound);
try
{
    var failures = new List<string>();
    if (options.Scenarios.Contains("import"))
    {
        failures.AddRange(await ImportBenchmark.RunAsync(options, timeBound.Token));
    }

    if (options.Scenarios.Contains("matrix"))
    {
        failures.AddRange(await MatrixBenchmark.RunAsync(options, timeBound.Token));
    }

    if (options.Scenarios.Contains("web"))
    {
        failures.AddRange(await WebBenchmark.RunAsync(options, timeBound.Token));
    }

    if (options.Scenarios.Contains("dashboard"))
    {
        failures.AddRange(await DashboardBenchmark.RunAsync(options, timeBound.Token));
    }

    if (options.Scenarios.Contains("national"))
    {
        failures.AddRange(await NationalBenchmark.RunAsync(options, timeBound.Token));
    }

    if (options.Scenarios.Contains("drain"))
    {
        failures.AddRange(await DrainBenchmark.RunAsync(options, timeBound.Token));
    }

    if (failures.Count == 0)
    {
        return 0;
    }

    await Console.Error.WriteLineAsync($"bench: {failures.Count} correctness check(s) failed:");
    foreach (var failure in failures)
    {
        await Console.Error.WriteLineAsync($"  - {failure}");
    }

    return 1;
}
catch (BenchSetupException e)
{
    await Console.Error.WriteLineAsync($"bench: {e.Message}");
    return 2;
}
catch (OperationCanceledException) when (timeBound.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync(
        $"bench: gave up after the time bound of {options.TimeBound.TotalMinutes.ToString(CultureInfo.InvariantCulture)} minutes (--timeout-minutes)");
    return 2;
}
