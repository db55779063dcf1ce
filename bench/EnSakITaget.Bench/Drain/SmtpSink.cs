using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace EnSakITaget.Bench.Drain;

/// <summary>
/// A mail server on 127.0.0.1 that keeps nothing but when each message arrived and to whom: what the
/// drain is timed by, and how a message delivered twice is found. The same SmtpServer package the
/// integration tests use.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> _deliveries = new(StringComparer.OrdinalIgnoreCase);
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private long _received;
    private long _firstAt;
    private long _lastAt;

    public SmtpSink(int port)
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new NoDelayListenerFactory());
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(CancellationToken.None);
    }

    public long Received => Interlocked.Read(ref _received);

    /// <summary>Stopwatch timestamps of the first and the last message since <see cref="Reset"/>.</summary>
    public (long First, long Last) Span => (Interlocked.Read(ref _firstAt), Interlocked.Read(ref _lastAt));

    /// <summary>Recipients who received more than one message since <see cref="Reset"/>.</summary>
    public int Doubled => _deliveries.Count(d => d.Value > 1);

    public int DistinctRecipients => _deliveries.Count;

    public void Reset()
    {
        _deliveries.Clear();
        Interlocked.Exchange(ref _received, 0);
        Interlocked.Exchange(ref _firstAt, 0);
        Interlocked.Exchange(ref _lastAt, 0);
    }

    private void Record(IEnumerable<string> recipients)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.CompareExchange(ref _firstAt, now, 0);
        long last;
        do
        {
            last = Interlocked.Read(ref _lastAt);
        }
        while (now > last && Interlocked.CompareExchange(ref _lastAt, now, last) != last);

        foreach (var recipient in recipients)
        {
            _deliveries.AddOrUpdate(recipient, 1, (_, n) => n + 1);
        }

        Interlocked.Increment(ref _received);
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _server.ShutdownTask;
        await _running;
    }

    /// <summary>
    /// Accepts with Nagle's algorithm off, as a real mail server does (Postfix sets TCP_NODELAY on its
    /// sessions): the package's own listener leaves it on, so each short reply waited for the client's
    /// delayed acknowledgement, and the sink, not the sender, set the pace at about 20 messages a second.
    /// </summary>
    private sealed class NoDelayListenerFactory : IEndpointListenerFactory
    {
        public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            var listener = new TcpListener(endpointDefinition.Endpoint);
            listener.Start();
            return new NoDelayListener(listener);
        }
    }

    private sealed class NoDelayListener(TcpListener listener) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            context.Properties[EndpointListener.LocalEndPointKey] = listener.LocalEndpoint;
            context.Properties[EndpointListener.RemoteEndPointKey] = client.Client.RemoteEndPoint!;
            return new PlainPipe(client);
        }

        public void Dispose() => listener.Stop();
    }

    /// <summary>The session's pipe over the accepted connection; the sink speaks plain SMTP on loopback only, so there is nothing to upgrade.</summary>
    private sealed class PlainPipe(TcpClient client) : ISecurableDuplexPipe
    {
        private readonly NetworkStream _stream = client.GetStream();
        private PipeReader? _input;
        private PipeWriter? _output;

        public PipeReader Input => _input ??= PipeReader.Create(_stream, new StreamPipeReaderOptions(leaveOpen: true));

        public PipeWriter Output => _output ??= PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));

        public bool IsSecure => false;

        public SslProtocols SslProtocol => SslProtocols.None;

        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The bench's mail server offers no TLS.");

        public void Dispose()
        {
            _input?.Complete();
            _output?.Complete();
            client.Dispose();
        }
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            sink.Record(transaction.To.Select(m => $"{m.User}@{m.Host}"));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
