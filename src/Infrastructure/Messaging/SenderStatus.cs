using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EnSakITaget.Infrastructure.Messaging;

/// <summary>How the last attempt to reach the mail server went, for <c>/health/ready</c>.</summary>
internal sealed class SenderStatus(TimeProvider time)
{
    private volatile Outcome last = new(true, null, DateTimeOffset.MinValue);

    public DateTimeOffset LastCheckedAt => last.At;

    public void Reached() => last = new Outcome(true, null, time.GetUtcNow());

    public void Unreachable(string error) => last = new Outcome(false, error, time.GetUtcNow());

    public HealthCheckResult AsHealth(string mode) => last.Reachable
        ? HealthCheckResult.Healthy(mode)
        : HealthCheckResult.Degraded($"{mode}: the mail server could not be reached ({last.Error}); messages wait in the outbox.");

    private sealed record Outcome(bool Reachable, string? Error, DateTimeOffset At);
}

/// <summary>Degraded, not unhealthy: the API works, and the messages wait until the server is back.</summary>
internal sealed class SenderHealthCheck(SenderStatus status, IMailTransport transport, TimeProvider time) : IHealthCheck
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (time.GetUtcNow() - status.LastCheckedAt > Freshness)
        {
            await transport.ProbeAsync(cancellationToken);
        }

        return status.AsHealth(transport.Description);
    }
}
