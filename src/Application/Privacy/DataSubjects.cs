using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Privacy.Contracts;
using EnSakITaget.Application.Identity;
using EnSakITaget.Application.Participants;
using EnSakITaget.Domain.Participants;

namespace EnSakITaget.Application.Privacy;

/// <summary>Finds the person a request is about, with their staff record and account, as far as the caller may reach them.</summary>
internal sealed class DataSubjects(IApplicationDbContext db, IIdentityService identity, ICurrentUser caller, ParticipantAccess participants)
{
    /// <summary>A member of staff in the caller's libraries, and the account with their e-mail.</summary>
    /// <exception cref="NotFoundException">No such member of staff in the caller's libraries.</exception>
    public async Task<DataSubject> StaffMemberAsync(Guid staffMemberId, CancellationToken cancellationToken)
    {
        var member = await db.LoadStaffMemberAsync(staffMemberId, cancellationToken);
        var account = await identity.FindUserByEmailAsync(member.Email, cancellationToken);
        return new DataSubject(member.Id, member.UnitId, member.Name, member.Email, account?.Id);
    }

    /// <summary>The caller themself: their account, and the staff record it is linked to, if any.</summary>
    public async Task<DataSubject> CallerAsync(CancellationToken cancellationToken)
    {
        var account = caller.UserId is { } id ? await identity.FindUserAsync(id, cancellationToken) : null;
        if (account is null)
        {
            throw new NotFoundException("Only a signed-in person has personal data to export.");
        }

        var member = await participants.OwnStaffRecordAsync(cancellationToken);
        return new DataSubject(member?.Id, member?.UnitId, member?.Name ?? account.DisplayName, StaffDetails.NormaliseEmail(account.Email), account.Id);
    }
}
