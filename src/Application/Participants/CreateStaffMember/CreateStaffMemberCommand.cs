using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Domain.Participants;
using Mediator;

namespace EnSakITaget.Application.Participants.CreateStaffMember;

public sealed record CreateStaffMemberCommand : StaffInput, ICommand<StaffMemberDto>
{
    public CreateStaffMemberCommand(StaffInput input)
        : base(input)
    {
    }
}

internal sealed class CreateStaffMemberCommandValidator : StaffInputValidator<CreateStaffMemberCommand>;

internal sealed class CreateStaffMemberCommandHandler(IApplicationDbContext db, ILibraryDirectory libraries, TimeProvider time)
    : ICommandHandler<CreateStaffMemberCommand, StaffMemberDto>
{
    public async ValueTask<StaffMemberDto> Handle(CreateStaffMemberCommand command, CancellationToken cancellationToken)
    {
        await libraries.EnsureUnitAsync(command.UnitId!.Value, cancellationToken);
        await db.EnsureEmailIsFreeAsync(command.Email!, exceptId: null, cancellationToken);
        var member = StaffMember.Register(
            new StaffDetails(command.Name!.Trim(), command.Email!, command.UnitId.Value, command.Title?.Trim(), command.IsManager ?? false),
            time.GetUtcNow());
        db.StaffMembers.Add(member);
        await db.SaveChangesAsync(cancellationToken);
        return member.ToDto();
    }
}
