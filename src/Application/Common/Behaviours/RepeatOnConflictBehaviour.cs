using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Common.Behaviours;

/// <summary>
/// A command whose repetition changes nothing and answers the same (a report of a thing already
/// reported with the same words). Sent twice at once, the second would lose the race on the first's
/// insert and answer 409; marked with this, it runs again on what the first one stored instead.
/// </summary>
public interface IRepeatableCommand : IBaseCommand;

/// <summary>
/// Runs a <see cref="IRepeatableCommand"/> again, in a new transaction on freshly read data, when its
/// save lost a race to a save made at the same moment. A save fails only once the other transaction
/// has committed (PostgreSQL waits for it on the row or the unique key), so the repeat reads what it
/// stored: an identical command then changes nothing and answers as the first did, a different one
/// is applied after it, as if it had arrived a moment later. A race still lost after a few repeats is the 409.
/// </summary>
internal sealed class RepeatOnConflictBehaviour<TMessage, TResponse>(IApplicationDbContext db) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IRepeatableCommand
{
    private const int MaxRepeats = 3;

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        for (var repeat = 0; ; repeat++)
        {
            try
            {
                return await next(message, cancellationToken);
            }
            catch (ConflictException race) when (race.InnerException is DbUpdateException && repeat < MaxRepeats)
            {
                db.DiscardChanges();
            }
        }
    }
}
