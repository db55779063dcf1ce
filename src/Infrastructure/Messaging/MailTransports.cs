using System.Collections.Concurrent;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace EnSakITaget.Infrastructure.Messaging;

public enum DeliveryResult
{
    Sent,

    /// <summary>The server could not be reached, or answered 4xx: try again later.</summary>
    TryLater,

    /// <summary>The server answered 5xx: trying again changes nothing.</summary>
    Refused,

    /// <summary>Not tried (the sender is stopping): the message stays as it was, due as before.</summary>
    NotTried,
}

public sealed record DeliveryOutcome(DeliveryResult Result, string? Error = null)
{
    public static readonly DeliveryOutcome Sent = new(DeliveryResult.Sent);

    public static readonly DeliveryOutcome NotTried = new(DeliveryResult.NotTried);
}

/// <summary>Where the messages go: a mail server, or a folder.</summary>
internal interface IMailTransport
{
    string Description { get; }

    /// <returns>One outcome for each message, in order.</returns>
    Task<IReadOnlyList<DeliveryOutcome>> SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken);

    /// <summary>Closes what is kept open between batches: the sender calls it when the outbox has nothing more due.</summary>
    Task CloseIdleAsync();

    /// <summary>Tries to reach the server, for the health check, when nothing has been sent for a while.</summary>
    Task ProbeAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Delivers over SMTP with MailKit: STARTTLS or TLS, authentication when a user name is set. A
/// connection is kept open from one batch to the next while the outbox drains (one per sending
/// worker, so a few at most), and closed with QUIT once nothing more is due: a large release costs
/// one handshake per worker, not one per batch, and an idle sender holds no session on the server.
/// </summary>
internal sealed class SmtpTransport(IOptions<EmailOptions> options, SenderStatus status) : IMailTransport, IAsyncDisposable
{
    private readonly ConcurrentBag<SmtpClient> open = [];

    private SmtpOptions Smtp => options.Value.Smtp;

    public string Description => $"SMTP {Smtp.Host}:{Smtp.Port}";

    /// <summary>
    /// Sends the messages in order over the connection kept from the last batch, or a new one. When
    /// the server ends the session midway (a reset, a 421 at its per-session limit, the 221 of its idle
    /// timeout that MailKit reads as the answer to MAIL FROM), the message under way and the rest go on
    /// a new connection at once: only a reply of 5xx refuses a message, and only a 4xx about the message
    /// itself waits for a retry. A new connection that ends before it has taken one message is an
    /// outage: what is left then waits for a retry.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryOutcome>> SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken)
    {
        var outcomes = new List<DeliveryOutcome>(messages.Count);
        var client = open.TryTake(out var kept) && kept.IsConnected ? kept : Discard(kept);
        var ofUse = client is not null;
        while (outcomes.Count < messages.Count)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                // Stopping: what was not tried stays as it was, and what went is written as sent.
                outcomes.AddRange(messages.Skip(outcomes.Count).Select(_ => DeliveryOutcome.NotTried));
                break;
            }

            if (client is null)
            {
                try
                {
                    client = await ConnectedClientAsync(cancellationToken);
                    ofUse = false;
                }
                catch (Exception exception) when (IsConnectionFailure(exception) || exception is OperationCanceledException)
                {
                    status.Unreachable(exception.Message);
                    outcomes.AddRange(messages.Skip(outcomes.Count).Select(_ => new DeliveryOutcome(DeliveryResult.TryLater, exception.Message)));
                    return outcomes;
                }
            }

            status.Reached();
            var (outcome, sessionEnded) = await SendOneAsync(client, messages[outcomes.Count], cancellationToken);
            if (!sessionEnded)
            {
                outcomes.Add(outcome);
                ofUse |= outcome.Result == DeliveryResult.Sent;
                continue;
            }

            Discard(client);
            client = null;
            if (ofUse || cancellationToken.IsCancellationRequested)
            {
                // The session ended after it had been of use: the message goes again, on a new connection.
                continue;
            }

            status.Unreachable(outcome.Error ?? "The mail server ended the session.");
            outcomes.Add(outcome);
            outcomes.AddRange(messages.Skip(outcomes.Count).Select(_ => new DeliveryOutcome(DeliveryResult.TryLater, "The connection to the mail server was lost.")));
        }

        if (client is { IsConnected: true })
        {
            open.Add(client);
        }
        else
        {
            client?.Dispose();
        }

        return outcomes;
    }

    /// <returns>What became of the message, and whether the session ended with it (the client is then of no more use).</returns>
    private static async Task<(DeliveryOutcome Outcome, bool SessionEnded)> SendOneAsync(SmtpClient client, MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendAsync(message, cancellationToken);
            return (DeliveryOutcome.Sent, false);
        }
        catch (SmtpCommandException refusal)
        {
            var code = (int)refusal.StatusCode;
            var error = $"{code} {refusal.Message}";
            return code switch
            {
                >= 500 => (new DeliveryOutcome(DeliveryResult.Refused, error), !client.IsConnected),
                // 421: the server is closing the session, whatever the message.
                >= 400 and not (int)SmtpStatusCode.ServiceNotAvailable => (new DeliveryOutcome(DeliveryResult.TryLater, error), !client.IsConnected),
                // 421, or a reply that answers no command of this message (the 221 of an idle timeout): the session is over.
                _ => (new DeliveryOutcome(DeliveryResult.TryLater, error), true),
            };
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A reset, a timeout, or anything else MailKit throws: whether the message arrived is unknown, and the client is no more use.
            return (new DeliveryOutcome(DeliveryResult.TryLater, exception.Message), true);
        }
        catch (OperationCanceledException)
        {
            return (DeliveryOutcome.NotTried, true);
        }
    }

    public async Task CloseIdleAsync()
    {
        while (open.TryTake(out var client))
        {
            await QuitAsync(client);
        }
    }

    public async ValueTask DisposeAsync() => await CloseIdleAsync();

    private static SmtpClient? Discard(SmtpClient? client)
    {
        client?.Dispose();
        return null;
    }

    private async Task<SmtpClient> ConnectedClientAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = Smtp.TimeoutSeconds * 1000 };
        try
        {
            await ConnectAsync(client, cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task QuitAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(true, CancellationToken.None);
            }
        }
        catch (Exception exception) when (IsConnectionFailure(exception))
        {
            // Gone already: nothing to close.
        }
        finally
        {
            client.Dispose();
        }
    }

    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = Math.Min(Smtp.TimeoutSeconds, 5) * 1000 };
        try
        {
            await ConnectAsync(client, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
            status.Reached();
        }
        catch (Exception exception) when (IsConnectionFailure(exception))
        {
            status.Unreachable(exception.Message);
        }
    }

    private async Task ConnectAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        var security = Smtp.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(Smtp.Host!, Smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(Smtp.UserName))
        {
            await client.AuthenticateAsync(Smtp.UserName, Smtp.Password ?? string.Empty, cancellationToken);
        }
    }

    private static bool IsConnectionFailure(Exception exception) =>
        exception is SocketException or IOException or TimeoutException or SslHandshakeException or ServiceNotConnectedException
            or ServiceNotAuthenticatedException or AuthenticationException or SmtpProtocolException
        || exception is SmtpCommandException { StatusCode: var code } && (int)code is >= 400 and < 500
        || exception is OperationCanceledException { InnerException: TimeoutException };
}

/// <summary>With no mail server configured, each message becomes an .eml file: a newcomer sees exactly what would go out.</summary>
internal sealed partial class PickupFolderTransport(string folder, ILogger<PickupFolderTransport> logger) : IMailTransport
{
    public string Description => $"pickup folder {folder}";

    public async Task<IReadOnlyList<DeliveryOutcome>> SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var outcomes = new List<DeliveryOutcome>(messages.Count);
        foreach (var message in messages)
        {
            var path = Path.Combine(folder, $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{(message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0]}.eml");
            await message.WriteToAsync(path, cancellationToken);
            LogWritten(path, message.To.ToString());
            outcomes.Add(DeliveryOutcome.Sent);
        }

        return outcomes;
    }

    public Task CloseIdleAsync() => Task.CompletedTask;

    public Task ProbeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail to {Recipient} written to {Path} (no Email:Smtp:Host is set)")]
    private partial void LogWritten(string path, string recipient);
}
