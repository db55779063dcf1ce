using EnSakITaget.Application.Common.Abstractions;
using Mediator;

namespace EnSakITaget.Application.Common.Behaviours;

/// <summary>A query that met a database blip is asked again, so a short outage is not seen by the client.</summary>
internal sealed class QueryRetryBehaviour<TMessage, TResponse>(ITransactionRunner transactions) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseQuery
{
    public ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        new(transactions.RetryAsync(async () => await next(message, cancellationToken), cancellationToken));
}
