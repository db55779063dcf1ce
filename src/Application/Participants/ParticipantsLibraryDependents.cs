using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Libraries.Contracts;

namespace EnSakITaget.Application.Participants;

/// <summary>Staff registered at a unit keep it from being deleted.</summary>
internal sealed class ParticipantsLibraryDependents(IApplicationDbContext db) : ILibraryDependents
{
    public async Task<string?> DescribeAsync(Guid libraryId, CancellationToken cancellationToken)
    {
        var staff = await db.StaffCountAtAsync(libraryId, cancellationToken);
        return staff switch
        {
            0 => null,
            1 => "1 member of staff",
            _ => $"{staff} members of staff",
        };
    }
}
