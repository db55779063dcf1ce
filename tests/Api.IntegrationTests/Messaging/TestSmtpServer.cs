using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace EnSakITaget.Api.IntegrationTests.Messaging;

/// <summary>
/// A real SMTP server on 127.0.0.1, in the test process: it keeps every message it is given, and can
/// be stopped and started again on its port, or told to end each session after some messages, as a
/// real server does at its per-session limit or its idle timeout.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private const string SessionCount = "messages in this session";
    private readonly ConcurrentQueue<MimeMessage> received = new();
    private volatile SessionEnd? sessionEnd;
    private SmtpServer.SmtpServer? server;
    private Task? running;

    public TestSmtpServer()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Received => [.. received];

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(received));
        services.Add(new SessionLimit(this));
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(CancellationToken.None);
    }

    public async Task StopAsync()
    {
        if (server is null)
        {
            return;
        }

        server.Shutdown();
        await server.ShutdownTask;
        await running!;
        server = null;
    }

    public void Clear() => received.Clear();

    /// <summary>
    /// From now on each session takes <paramref name="messages"/> messages; the next MAIL FROM is
    /// answered with <paramref name="code"/> and the connection closed (SmtpServer answers 221 so to a
    /// client silent for its command timeout, a busy server 421). Null lifts the limit.
    /// </summary>
    public void EndSessionsAfter(int? messages, SmtpReplyCode code = SmtpReplyCode.ServiceClosingTransmissionChannel) =>
        sessionEnd = messages is { } n ? new SessionEnd(n, code) : null;

    private sealed record SessionEnd(int After, SmtpReplyCode Code);

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived that match.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, Func<MimeMessage, bool>? match = null, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var found = received.Where(match ?? (_ => true)).ToList();
            if (found.Count >= count || DateTime.UtcNow > deadline)
            {
                found.Count.ShouldBeGreaterThanOrEqualTo(count, $"messages that arrived within {seconds} s");
                return found;
            }

            await Task.Delay(50);
        }
    }

    public async Task<MimeMessage> WaitForOneToAsync(string address) =>
        (await WaitForAsync(1, m => m.To.Mailboxes.Any(b => b.Address == address))).Single();

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class SessionLimit(TestSmtpServer server) : MailboxFilter
    {
        public override Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken)
        {
            if (server.sessionEnd is { } end && context.Properties.TryGetValue(SessionCount, out var count) && (int)count >= end.After)
            {
                throw new SmtpResponseException(new SmtpResponse(end.Code, "Closing this session."), true);
            }

            return Task.FromResult(true);
        }
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            context.Properties[SessionCount] = (context.Properties.TryGetValue(SessionCount, out var count) ? (int)count : 0) + 1;
            using var stream = new MemoryStream();
            foreach (var segment in buffer)
            {
                stream.Write(segment.Span);
            }

            stream.Position = 0;
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
