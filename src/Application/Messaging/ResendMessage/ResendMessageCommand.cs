using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Messaging.ResendMessage;

/// <summary>An administrator sends a message again, failed or sent: it goes back in the queue, its tries counted from nought.</summary>
public sealed record ResendMessageCommand(Guid MessageId) : ICommand<OutboxMessageDto>;

internal sealed class ResendMessageCommandHandler(IApplicationDbContext db, ICurrentUser caller, TimeProvider time)
    : ICommandHandler<ResendMessageCommand, OutboxMessageDto>
{
    public async ValueTask<OutboxMessageDto> Handle(ResendMessageCommand command, CancellationToken cancellationToken)
    {
        caller.EnsureAdministrator();
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == command.MessageId, cancellationToken)
            ?? throw new NotFoundException("Message", command.MessageId);
        message.Resend(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return OutboxMessageDto.From(message);
    }
}
