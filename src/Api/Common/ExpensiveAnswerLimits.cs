using System.Threading.RateLimiting;
using EnSakITaget.Application.Common.Abstractions;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Api.Common;

/// <summary>How many expensive answers (the statistics, the progress matrix) are computed at once, under <c>ExpensiveAnswers</c>.</summary>
internal sealed class ExpensiveAnswerOptions
{
    public const string SectionName = "ExpensiveAnswers";

    /// <summary>Computed at once in the whole process; each holds its rows and its answer in memory while it runs.</summary>
    public int AtOnce { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Waiting for a turn in the whole process, beyond which the answer is 503.</summary>
    public int Queued { get; set; } = 16;

    /// <summary>Computed at once for one caller (an account or a key), so that one dashboard cannot take every turn.</summary>
    public int PerCallerAtOnce { get; set; } = 2;

    /// <summary>Waiting for a turn for one caller.</summary>
    public int PerCallerQueued { get; set; } = 2;

    /// <summary>The <c>Retry-After</c> of a 503.</summary>
    public int RetryAfterSeconds { get; set; } = 2;
}

/// <summary>
/// The server sheds load instead of queueing forever: a new expensive answer (one not already kept
/// by <see cref="VersionedAnswers"/>, so a 304 or a kept answer never waits) is computed only with
/// a turn of the caller's and one of the process's; with both queues full the answer is 503 with
/// <c>Retry-After</c>. Memory then stays bounded by the turns, not by the callers.
/// </summary>
internal sealed class ExpensiveAnswerLimits : IDisposable
{
    private readonly ConcurrencyLimiter total;
    private readonly PartitionedRateLimiter<string> perCaller;
    private readonly TimeSpan retryAfter;

    public ExpensiveAnswerLimits(IOptions<ExpensiveAnswerOptions> options)
    {
        var limits = options.Value;
        retryAfter = TimeSpan.FromSeconds(limits.RetryAfterSeconds);
        total = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = limits.AtOnce, QueueLimit = limits.Queued, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        perCaller = PartitionedRateLimiter.Create<string, string>(caller => RateLimitPartition.GetConcurrencyLimiter(caller, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = limits.PerCallerAtOnce, QueueLimit = limits.PerCallerQueued, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));
    }

    /// <returns>The turn, to be disposed when the answer is computed.</returns>
    /// <exception cref="ServerBusyException">Both queues are full.</exception>
    public async ValueTask<IDisposable> TurnAsync(HttpContext context)
    {
        var caller = CallerOf(context);
        var mine = await perCaller.AcquireAsync(caller, 1, context.RequestAborted);
        if (!mine.IsAcquired)
        {
            mine.Dispose();
            throw new ServerBusyException(retryAfter);
        }

        var ours = await total.AcquireAsync(1, context.RequestAborted);
        if (!ours.IsAcquired)
        {
            ours.Dispose();
            mine.Dispose();
            throw new ServerBusyException(retryAfter);
        }

        return new Turn(mine, ours);
    }

    public void Dispose()
    {
        total.Dispose();
        perCaller.Dispose();
    }

    private static string CallerOf(HttpContext context)
    {
        var caller = context.RequestServices.GetRequiredService<ICurrentUser>();
        return caller.ApiKeyId is { } key ? $"k{key}" : caller.UserId is { } user ? $"u{user}" : $"a{RateLimits.ClientAddress(context)}";
    }

    private sealed class Turn(RateLimitLease mine, RateLimitLease ours) : IDisposable
    {
        public void Dispose()
        {
            ours.Dispose();
            mine.Dispose();
        }
    }
}

/// <summary>Too many expensive answers are being computed or waited for; the API answers 503 with <c>Retry-After</c>.</summary>
internal sealed class ServerBusyException(TimeSpan retryAfter)
    : Exception($"The server is computing as many answers like this as it can; try again in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} seconds.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
