using EnSakITaget.Application.Common.Abstractions;
using Mediator;

namespace EnSakITaget.Application.Identity.InviteUser;

/// <summary>Sends an account that has no password yet a new invitation; the links sent before keep working until they expire.</summary>
public sealed record InviteUserCommand(Guid Id) : ICommand;

internal sealed class InviteUserCommandHandler(IApplicationDbContext db, UserAccess access, AccountInvitationLetters letters)
    : ICommandHandler<InviteUserCommand>
{
    public async ValueTask<Unit> Handle(InviteUserCommand command, CancellationToken cancellationToken)
    {
        access.EnsureMayChange(await access.VisibleRolesOfAsync(command.Id, cancellationToken));
        await letters.QueueAsync(command.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
