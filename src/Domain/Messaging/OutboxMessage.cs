using System.Security.Cryptography;
using System.Text;

namespace EnSakITaget.Domain.Messaging;

public enum OutboxState
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// One e-mail to one person, written in the transaction of the change that causes it and sent
/// afterwards by the background sender. Its idempotency key (recipient, kind and what it is about)
/// is unique, so the same change never queues the same message twice.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxErrorLength = 1_000;

    private OutboxMessage(
        Guid id, string recipientEmail, string recipientName, Guid? recipientUserId, string kind, string subject, string textBody,
        string htmlBody, string idempotencyKey, DateTimeOffset createdAt)
    {
        Id = id;
        RecipientEmail = recipientEmail;
        RecipientName = recipientName;
        RecipientUserId = recipientUserId;
        Kind = kind;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        IdempotencyKey = idempotencyKey;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string RecipientEmail { get; private set; }
    public string RecipientName { get; private set; }
    public Guid? RecipientUserId { get; private set; }
    public string Kind { get; private set; }
    public string Subject { get; private set; }
    public string TextBody { get; private set; }
    public string HtmlBody { get; private set; }

    /// <summary>The SHA-256 of recipient, kind and what the message is about: fixed length, whatever the parts.</summary>
    public string IdempotencyKey { get; private set; }

    public OutboxState State { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    /// <param name="aboutKey">What the message is about, e.g. the round an invitation is to or the thing released.</param>
    /// <param name="notBefore">When it may go, if later than now: a weekly letter waits for the week's end.</param>
    public static OutboxMessage Queue(
        string recipientEmail, string recipientName, Guid? recipientUserId, string kind, string aboutKey, string subject, string textBody,
        string htmlBody, DateTimeOffset now, DateTimeOffset? notBefore = null)
    {
        var message = new OutboxMessage(Guid.CreateVersion7(now), recipientEmail, recipientName, recipientUserId, kind, subject, textBody, htmlBody,
            KeyOf(recipientEmail, kind, aboutKey), now);
        if (notBefore > now)
        {
            message.NextAttemptAt = notBefore.Value;
        }

        return message;
    }

    public static string KeyOf(string recipientEmail, string kind, string aboutKey) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{recipientEmail.Trim().ToUpperInvariant()}\n{kind}\n{aboutKey}")));

    public bool IsDue(DateTimeOffset now) => State == OutboxState.Pending && NextAttemptAt <= now;

    public void MarkSent(DateTimeOffset now)
    {
        State = OutboxState.Sent;
        SentAt = now;
        Attempts++;
        LastError = null;
    }

    /// <summary>
    /// A try that may succeed later (the server unreachable, or a 4xx): waited for, twice as long
    /// after each, until <paramref name="maxAttempts"/> tries have failed.
    /// </summary>
    public void RecordTemporaryFailure(string error, DateTimeOffset now, int maxAttempts, TimeSpan firstWait, TimeSpan longestWait)
    {
        Attempts++;
        LastError = Truncate(error);
        if (Attempts >= maxAttempts)
        {
            State = OutboxState.Failed;
            return;
        }

        var wait = TimeSpan.FromTicks(Math.Min(longestWait.Ticks, firstWait.Ticks * (1L << Math.Min(Attempts - 1, 30))));
        NextAttemptAt = now + wait;
    }

    /// <summary>A refusal that no retry changes (a 5xx, a malformed address): failed at once.</summary>
    public void RecordPermanentFailure(string error)
    {
        Attempts++;
        LastError = Truncate(error);
        State = OutboxState.Failed;
    }

    /// <summary>An administrator sends it again: from the start, as if just queued.</summary>
    public void Resend(DateTimeOffset now)
    {
        State = OutboxState.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        LastError = null;
        SentAt = null;
    }

    private static string Truncate(string error) => error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
}
