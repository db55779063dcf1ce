namespace EnSakITaget.Bench.National;

/// <summary>Runs one operation under a load generator and notes, alongside its latencies, the CPU it took and the API's largest resident set meanwhile.</summary>
internal sealed class PhaseMeter(ApiMemory memory, CpuMeter cpu, Action<string> step)
{
    public async Task<LoadResult> RunAsync(
        LoadGenerator load, string operation, Func<int, CancellationToken, Task<string?>> call, CancellationToken cancellationToken)
    {
        memory.Mark();
        var before = cpu.Read();
        var result = await load.RunAsync(operation, call, cancellationToken);
        var observed = result with { Cpu = CpuMeter.Between(before, cpu.Read()), ApiRss = memory.IsKnown ? memory.LargestSinceMark : null };
        step($"{operation} ({load.Workers} worker{(load.Workers == 1 ? string.Empty : "s")}): median {Stats.Ms(observed.Median)} ms, " +
             $"{observed.PerSecond:F0}/s, {observed.Errors} errors");
        return observed;
    }
}
