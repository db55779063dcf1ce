using EnSakITaget.Application.Common.Abstractions;
using Mediator;

namespace EnSakITaget.Application.Common.Behaviours;

/// <summary>Every command is all or nothing: a command that fails part-way leaves no data behind.</summary>
internal sealed class TransactionBehaviour<TMessage, TResponse>(ITransactionRunner transactions) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        new(transactions.RunAsync(async () => await next(message, cancellationToken), cancellationToken));
}
