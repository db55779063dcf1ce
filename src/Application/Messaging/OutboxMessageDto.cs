using EnSakITaget.Domain.Messaging;

namespace EnSakITaget.Application.Messaging;

/// <summary>A message in the outbox as administrators see it: to whom, what, and how sending it went; not its body, which may hold a token.</summary>
public sealed record OutboxMessageDto(
    Guid Id, string RecipientEmail, Guid? RecipientUserId, string Kind, string Subject, OutboxState State, int Attempts,
    DateTimeOffset NextAttemptAt, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? SentAt)
{
    public static OutboxMessageDto From(OutboxMessage m) => new(
        m.Id, m.RecipientEmail, m.RecipientUserId, m.Kind, m.Subject, m.State, m.Attempts, m.NextAttemptAt, m.LastError, m.CreatedAt, m.SentAt);
}

internal static class OutboxAccess
{
    /// <summary>The outbox holds every library's mail: it is the administrators' alone.</summary>
    public static void EnsureAdministrator(this Common.Abstractions.ICurrentUser caller)
    {
        if (!caller.IsAdministrator)
        {
            throw new Common.Exceptions.ForbiddenAccessException("Only an administrator sees the outbox: it holds every library's mail.");
        }
    }
}
