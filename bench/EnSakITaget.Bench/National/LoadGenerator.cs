using System.Diagnostics;
using System.Net.Sockets;
using Npgsql;

namespace EnSakITaget.Bench.National;

/// <summary>Every latency of one operation's measured window, and how many of its calls failed.</summary>
/// <param name="Elapsed">From the start of the measured window to the end of its last call.</param>
/// <param name="Succeeded">Calls that succeeded, the warm-up's included.</param>
internal sealed record LoadResult(string Operation, int Workers, IReadOnlyList<TimeSpan> Latencies, int Errors, TimeSpan Elapsed, int Succeeded, string? FirstError)
{
    /// <summary>How busy the machine and the API were while it ran, warm-up included.</summary>
    public CpuUse? Cpu { get; init; }

    /// <summary>The API's largest resident set sampled while it ran, in bytes.</summary>
    public long? ApiRss { get; init; }

    public double PerSecond => Latencies.Count / Elapsed.TotalSeconds;

    public TimeSpan Median => Stats.Median(Latencies);

    public TimeSpan P95 => Stats.Percentile(Latencies, 95);
}

/// <summary>
/// A fixed number of workers, each calling one operation back to back: first for a warm-up
/// that is not measured, then for a fixed window in which every call's latency is kept. A call
/// answers null when it succeeded, else what went wrong.
/// </summary>
internal sealed class LoadGenerator(int workers, TimeSpan warmUp, TimeSpan window)
{
    public int Workers => workers;

    public async Task<LoadResult> RunAsync(string operation, Func<int, CancellationToken, Task<string?>> call, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + Ticks(warmUp);
        var measureTo = measureFrom + Ticks(window);
        var runs = await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkAsync(w, call, measureFrom, measureTo, cancellationToken), cancellationToken)));
        var latencies = runs.SelectMany(r => r.Latencies).ToList();
        if (latencies.Count == 0)
        {
            throw new BenchSetupException($"{operation}: no call finished in the measured window");
        }

        var lastEnd = runs.Max(r => r.LastEnd);
        return new LoadResult(
            operation, workers, latencies, runs.Sum(r => r.Errors), Stopwatch.GetElapsedTime(measureFrom, lastEnd), runs.Sum(r => r.Succeeded),
            runs.Select(r => r.FirstError).FirstOrDefault(e => e is not null));
    }

    private static async Task<WorkerRun> WorkAsync(
        int worker, Func<int, CancellationToken, Task<string?>> call, long measureFrom, long measureTo, CancellationToken cancellationToken)
    {
        var run = new WorkerRun();
        while (Stopwatch.GetTimestamp() < measureTo)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var before = Stopwatch.GetTimestamp();
            var error = await CallAsync(worker, call, cancellationToken);
            var after = Stopwatch.GetTimestamp();
            run.Succeeded += error is null ? 1 : 0;
            if (before >= measureFrom)
            {
                run.Latencies.Add(Stopwatch.GetElapsedTime(before, after));
                run.LastEnd = Math.Max(run.LastEnd, after);
                run.Errors += error is null ? 0 : 1;
                run.FirstError ??= error;
            }
        }

        return run;
    }

    /// <summary>A failed connection or query is a failed call, not the end of the run.</summary>
    private static async Task<string?> CallAsync(int worker, Func<int, CancellationToken, Task<string?>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(worker, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException or NpgsqlException && !cancellationToken.IsCancellationRequested)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static long Ticks(TimeSpan time) => (long)(time.TotalSeconds * Stopwatch.Frequency);

    private sealed class WorkerRun
    {
        public List<TimeSpan> Latencies { get; } = [];
        public int Errors { get; set; }
        public int Succeeded { get; set; }
        public long LastEnd { get; set; }
        public string? FirstError { get; set; }
    }
}
