using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Domain.Common;
using EnSakITaget.Domain.Participants;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Participants;

internal static class StaffPlacement
{
    public static async Task EnsureUnitAsync(this ILibraryDirectory libraries, Guid unitId, CancellationToken cancellationToken)
    {
        if ((await libraries.FindAsync(unitId, cancellationToken))?.Level != LibraryLevel.Unit)
        {
            throw new ValidationException("unitId", $"There is no library unit {unitId}.");
        }
    }

    /// <summary>An e-mail is one person: it is registered once in the whole instance.</summary>
    public static async Task EnsureEmailIsFreeAsync(this IApplicationDbContext db, string email, Guid? exceptId, CancellationToken cancellationToken)
    {
        var normalised = StaffDetails.NormaliseEmail(email);
        if (await db.IsEmailRegisteredAsync(normalised, exceptId, cancellationToken))
        {
            throw new ConflictException($"A member of staff with the e-mail {normalised} is already registered.");
        }
    }

    public static async Task<StaffMember> LoadStaffMemberAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.StaffMembers.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("Staff member", id);

    public static StaffMemberDto ToDto(this StaffMember s) =>
        new(s.Id, s.Name, s.Email, s.UnitId, s.Title, s.IsManager, s.LeftOn, s.CreatedAt, s.UpdatedAt);
}
