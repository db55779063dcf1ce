using EnSakITaget.Application.Common.Abstractions;
using Mediator;

namespace EnSakITaget.Application.Participants.GetStaffMember;

public sealed record GetStaffMemberQuery(Guid Id) : IQuery<StaffMemberDto>;

internal sealed class GetStaffMemberQueryHandler(IApplicationDbContext db) : IQueryHandler<GetStaffMemberQuery, StaffMemberDto>
{
    public async ValueTask<StaffMemberDto> Handle(GetStaffMemberQuery query, CancellationToken cancellationToken) =>
        (await db.LoadStaffMemberAsync(query.Id, cancellationToken)).ToDto();
}
