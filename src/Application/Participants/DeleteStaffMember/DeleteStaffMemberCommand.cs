using EnSakITaget.Application.Common.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Participants.DeleteStaffMember;

public sealed record DeleteStaffMemberCommand(Guid Id) : ICommand;

internal sealed class DeleteStaffMemberCommandHandler(IApplicationDbContext db) : ICommandHandler<DeleteStaffMemberCommand>
{
    public async ValueTask<Unit> Handle(DeleteStaffMemberCommand command, CancellationToken cancellationToken)
    {
        var member = await db.LoadStaffMemberAsync(command.Id, cancellationToken);
        // Every round counts, a pilot's in another municipality too: each keeps the history.
        member.EnsureMayBeDeleted(await db.Enrolments.IgnoreQueryFilters().CountAsync(e => e.StaffMemberId == member.Id, cancellationToken));
        db.StaffMembers.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
