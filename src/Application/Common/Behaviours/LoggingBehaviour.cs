using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace EnSakITaget.Application.Common.Behaviours;

/// <summary>Logs each use case by name with its duration, and warns about slow ones.</summary>
internal sealed partial class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly TimeSpan SlowThreshold = TimeSpan.FromMilliseconds(500);

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (elapsed > SlowThreshold)
        {
            LogSlow(typeof(TMessage).Name, elapsed.TotalMilliseconds);
        }
        else
        {
            LogHandled(typeof(TMessage).Name, elapsed.TotalMilliseconds);
        }

        return response;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {UseCase} in {ElapsedMilliseconds:0.0} ms")]
    private partial void LogHandled(string useCase, double elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slow use case {UseCase} took {ElapsedMilliseconds:0.0} ms")]
    private partial void LogSlow(string useCase, double elapsedMilliseconds);
}
