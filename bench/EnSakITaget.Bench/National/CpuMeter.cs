using System.Globalization;

namespace EnSakITaget.Bench.National;

/// <summary>The machine's and the API process's CPU time at one moment, from /proc/stat and /proc/&lt;pid&gt;/stat.</summary>
internal readonly record struct CpuReading(long MachineBusy, long MachineTotal, long ApiTicks, DateTimeOffset At);

/// <summary>What the CPUs did between two readings: how busy the whole machine was, and how many cores the API used.</summary>
internal readonly record struct CpuUse(double MachineBusyShare, double? ApiCores);

/// <summary>Where the time goes under load: the API, or the rest (PostgreSQL and this client) on the same machine.</summary>
internal sealed class CpuMeter(int? apiProcessId)
{
    /// <summary>USER_HZ: the unit of /proc's CPU times on every Linux this runs on.</summary>
    private const double TicksPerSecond = 100;

    public CpuReading Read()
    {
        var (busy, total) = Machine();
        return new CpuReading(busy, total, Api() ?? -1, DateTimeOffset.UtcNow);
    }

    public static CpuUse Between(CpuReading before, CpuReading after)
    {
        var total = after.MachineTotal - before.MachineTotal;
        var share = total > 0 ? (double)(after.MachineBusy - before.MachineBusy) / total : 0;
        var seconds = (after.At - before.At).TotalSeconds;
        var apiCores = before.ApiTicks >= 0 && after.ApiTicks >= 0 && seconds > 0
            ? (after.ApiTicks - before.ApiTicks) / TicksPerSecond / seconds
            : (double?)null;
        return new CpuUse(share, apiCores);
    }

    /// <summary>The first line of /proc/stat: user, nice, system, idle, iowait, irq, softirq, steal; busy is all but idle and iowait.</summary>
    private static (long Busy, long Total) Machine()
    {
        if (!File.Exists("/proc/stat"))
        {
            return (0, 0);
        }

        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Sum();
        return (total - fields[3] - fields[4], total);
    }

    /// <summary>utime and stime, fields 14 and 15 of /proc/&lt;pid&gt;/stat, counted after the command's closing parenthesis.</summary>
    private long? Api()
    {
        var path = $"/proc/{apiProcessId}/stat";
        if (apiProcessId is null || !File.Exists(path))
        {
            return null;
        }

        var afterName = File.ReadAllText(path).Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return long.Parse(afterName[11], CultureInfo.InvariantCulture) + long.Parse(afterName[12], CultureInfo.InvariantCulture);
    }
}
