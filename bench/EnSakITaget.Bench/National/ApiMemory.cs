using System.Globalization;

namespace EnSakITaget.Bench.National;

/// <summary>
/// The API process's memory from /proc/&lt;pid&gt;/status: its resident set now (VmRSS), sampled
/// while under load, and the high-water mark of it since it started (VmHWM).
/// </summary>
internal sealed class ApiMemory(int? processId) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _sampling;

    public bool IsKnown => processId is { } id && File.Exists(StatusPath(id));

    /// <summary>The largest VmRSS seen by the sampler, in bytes.</summary>
    public long LargestSample { get; private set; }

    /// <summary>The largest VmRSS seen since the last <see cref="Mark"/>, in bytes.</summary>
    public long LargestSinceMark { get; private set; }

    /// <summary>VmRSS now, in bytes; null when the process is not known.</summary>
    public long? Resident => Read("VmRSS");

    /// <summary>VmHWM now, in bytes; null when the process is not known.</summary>
    public long? Peak => Read("VmHWM");

    /// <summary>What the resident set is made of now: the heaps (anonymous), mapped files (the assemblies), shared memory (the JIT's double-mapped code).</summary>
    public string Composition =>
        $"anonymous {Megabytes(Read("RssAnon"))}, files {Megabytes(Read("RssFile"))}, shared {Megabytes(Read("RssShmem"))}";

    public void StartSampling(TimeSpan interval) => _sampling ??= Task.Run(() => SampleAsync(interval));

    /// <summary>Starts a new span for <see cref="LargestSinceMark"/>.</summary>
    public void Mark() => LargestSinceMark = Resident ?? 0;

    public static string Megabytes(long? bytes) =>
        bytes is { } b ? (b / 1024.0 / 1024.0).ToString("F0", CultureInfo.InvariantCulture) + " MB" : "unknown";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_sampling is not null)
        {
            await _sampling;
        }

        _stop.Dispose();
    }

    private async Task SampleAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                var resident = Resident ?? 0;
                LargestSample = Math.Max(LargestSample, resident);
                LargestSinceMark = Math.Max(LargestSinceMark, resident);
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped: the largest sample so far stands.
        }
    }

    private long? Read(string field)
    {
        if (processId is not { } id)
        {
            return null;
        }

        try
        {
            var line = File.ReadLines(StatusPath(id)).FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kilobytes is null ? null : long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string StatusPath(int id) => $"/proc/{id}/status";
}
