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
}

public sealed record DeliveryOutcome(DeliveryResult Result, string? Error = null)
{
    public static readonly DeliveryOutcome Sent = new(DeliveryResult.Sent);
}

/// <summary>Where the messages go: a mail server, or a folder.</summary>
internal interface IMailTransport
{
    string Description { get; }

    /// <returns>One outcome for each message, in order.</returns>
    Task<IReadOnlyList<DeliveryOutcome>> SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken);

    /// <summary>Tries to reach the server, for the health check, when nothing has been sent for a while.</summary>
    Task ProbeAsync(CancellationToken cancellationToken);
}

/// <summary>Delivers over SMTP with MailKit: one connection for a batch, STARTTLS or TLS, authentication when a user name is set.</summary>
internal sealed class SmtpTransport(IOptions<EmailOptions> options, SenderStatus status) : IMailTransport
{
    private SmtpOptions Smtp => options.Value.Smtp;

    public string Description => $"SMTP {Smtp.Host}:{Smtp.Port}";

    public async Task<IReadOnlyList<DeliveryOutcome>> SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken)
    {
        var outcomes = new List<DeliveryOutcome>(messages.Count);
        using var client = new SmtpClient { Timeout = Smtp.TimeoutSeconds * 1000 };
        try
        {
            await ConnectAsync(client, cancellationToken);
        }
        catch (Exception exception) when (IsConnectionFailure(exception))
        {
            status.Unreachable(exception.Message);
            return [.. messages.Select(_ => new DeliveryOutcome(DeliveryResult.TryLater, exception.Message))];
        }

        status.Reached();
        foreach (var message in messages)
        {
            if (!client.IsConnected)
            {
                outcomes.Add(new DeliveryOutcome(DeliveryResult.TryLater, "The connection to the mail server was lost."));
                continue;
            }

            try
            {
                await client.SendAsync(message, cancellationToken);
                outcomes.Add(DeliveryOutcome.Sent);
            }
            catch (SmtpCommandException refusal)
            {
                var code = (int)refusal.StatusCode;
                outcomes.Add(new DeliveryOutcome(code is >= 400 and < 500 ? DeliveryResult.TryLater : DeliveryResult.Refused, $"{code} {refusal.Message}"));
            }
            catch (Exception exception) when (IsConnectionFailure(exception))
            {
                status.Unreachable(exception.Message);
                outcomes.Add(new DeliveryOutcome(DeliveryResult.TryLater, exception.Message));
            }
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(true, CancellationToken.None);
        }

        return outcomes;
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

    public Task ProbeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail to {Recipient} written to {Path} (no Email:Smtp:Host is set)")]
    private partial void LogWritten(string path, string recipient);
}
