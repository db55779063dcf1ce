using System.Globalization;

namespace EnSakITaget.Bench.Drain;

/// <summary>CPU time, in seconds, spent so far by the API, by PostgreSQL (the postmaster and its backends) and by this client (the mail server and the readers).</summary>
internal readonly record struct CpuSeconds(double Api, double Postgres, double Client)
{
    public static CpuSeconds operator -(CpuSeconds a, CpuSeconds b) => new(a.Api - b.Api, a.Postgres - b.Postgres, a.Client - b.Client);
}

/// <summary>
/// What the drain costs in CPU, which a shared machine does not blur as it does the wall clock: from
/// /proc/&lt;pid&gt;/stat of the API, of this process, and of every process whose parent is PostgreSQL's
/// postmaster (found as the parent of a backend of this client's own connection).
/// </summary>
internal sealed class DrainCpu(int? apiProcessId, int? postmasterId)
{
    /// <summary>USER_HZ: the unit of /proc's CPU times on every Linux this runs on.</summary>
    private const double TicksPerSecond = 100;

    public bool KnowsApi => apiProcessId is { } id && Ticks(id) is not null;

    public CpuSeconds Read() => new(
        apiProcessId is { } api ? (Ticks(api) ?? 0) / TicksPerSecond : 0,
        postmasterId is { } postmaster ? ProcessTree(postmaster) / TicksPerSecond : 0,
        (Ticks(Environment.ProcessId) ?? 0) / TicksPerSecond);

    /// <summary>The parent of a backend, read from its /proc/&lt;pid&gt;/stat: the postmaster, when it runs on this machine.</summary>
    public static int? ParentOf(int processId) =>
        Fields(processId) is { } fields ? int.Parse(fields[1], CultureInfo.InvariantCulture) : null;

    private static long ProcessTree(int parent)
    {
        var ticks = Ticks(parent) ?? 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && Fields(id) is { } fields && fields[1] == parent.ToString(CultureInfo.InvariantCulture))
            {
                ticks += Ticks(fields);
            }
        }

        return ticks;
    }

    private static long? Ticks(int processId) => Fields(processId) is { } fields ? Ticks(fields) : null;

    /// <summary>utime and stime, fields 14 and 15 of /proc/&lt;pid&gt;/stat.</summary>
    private static long Ticks(string[] fields) =>
        long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);

    /// <summary>The fields after the command's closing parenthesis (state, ppid, …), or null when the process is gone.</summary>
    private static string[]? Fields(int processId)
    {
        try
        {
            return File.ReadAllText($"/proc/{processId}/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
