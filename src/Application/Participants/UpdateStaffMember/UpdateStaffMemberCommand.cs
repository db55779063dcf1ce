using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Domain.Participants;
using Mediator;

namespace EnSakITaget.Application.Participants.UpdateStaffMember;

public sealed record UpdateStaffMemberCommand : StaffInput, ICommand<StaffMemberDto>
{
    public UpdateStaffMemberCommand(Guid id, StaffInput input)
        : base(input)
    {
        Id = id;
    }

    public Guid Id { get; }
}

internal sealed class UpdateStaffMemberCommandValidator : StaffInputValidator<UpdateStaffMemberCommand>;

internal sealed class UpdateStaffMemberCommandHandler(IApplicationDbContext db, ILibraryDirectory libraries, TimeProvider time)
    : ICommandHandler<UpdateStaffMemberCommand, StaffMemberDto>
{
    public async ValueTask<StaffMemberDto> Handle(UpdateStaffMemberCommand command, CancellationToken cancellationToken)
    {
        var member = await db.LoadStaffMemberAsync(command.Id, cancellationToken);
        await libraries.EnsureUnitAsync(command.UnitId!.Value, cancellationToken);
        await db.EnsureEmailIsFreeAsync(command.Email!, exceptId: member.Id, cancellationToken);
        member.Update(
            new StaffDetails(command.Name!.Trim(), command.Email!, command.UnitId.Value, command.Title?.Trim(), command.IsManager ?? false),
            time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return member.ToDto();
    }
}
