using System.Globalization;

namespace EnSakITaget.Bench;

internal static class Stats
{
    public static TimeSpan Median(IReadOnlyList<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The nearest-rank percentile.</summary>
    public static TimeSpan Percentile(IReadOnlyList<TimeSpan> times, int percent)
    {
        var sorted = times.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static string Ms(TimeSpan time) =>
        time.TotalMilliseconds.ToString(time.TotalMilliseconds >= 100 ? "F0" : "F1", CultureInfo.InvariantCulture);

    public static string? LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null;
}
