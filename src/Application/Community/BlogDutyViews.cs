using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Application.Participants.Contracts;
using EnSakITaget.Domain.Common;
using EnSakITaget.Domain.Community;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Community;

/// <summary>One week of the rota as the API shows it.</summary>
/// <param name="WeekOf">The Monday the week starts.</param>
/// <param name="StaffMemberId">Who is on duty; null when nobody is (they have been erased).</param>
/// <param name="Name">Their name; null when nobody is on duty.</param>
public sealed record DutyWeekDto(DateOnly WeekOf, Guid? StaffMemberId, string? Name);

/// <summary>A library's blog-duty rota: who is responsible for its public blog, one week at a time.</summary>
/// <param name="LibraryId">The municipal library organisation whose blog it is.</param>
/// <param name="OnDutyThisWeek">This week's duty, if the rota has one.</param>
/// <param name="Weeks">Every week of the rota, earliest first.</param>
/// <param name="UpdatedAt">When it was last laid out or changed; null when no rota has been set.</param>
public sealed record BlogDutyDto(Guid LibraryId, DutyWeekDto? OnDutyThisWeek, IReadOnlyList<DutyWeekDto> Weeks, DateTimeOffset? UpdatedAt);

/// <summary>
/// Who reaches a library's rota: whoever runs training at a municipal library organisation (its
/// coordinators, the administrators above); everyone else gets 404, as if the library did not exist.
/// </summary>
internal sealed class BlogDutyAccess(IApplicationDbContext db, ILibraryDirectory libraries, IParticipantDirectory participants, ICurrentUser caller, CourseCalendar calendar)
{
    public async Task EnsureManagesAsync(Guid libraryId, CancellationToken cancellationToken)
    {
        if (!caller.RunsTrainingAt(libraryId) || await libraries.FindAsync(libraryId, cancellationToken) is not { Level: LibraryLevel.Municipality })
        {
            throw new NotFoundException("Library", libraryId);
        }
    }

    public Task<BlogDutyRota?> RotaAsync(Guid libraryId, CancellationToken cancellationToken) =>
        db.BlogDutyRotas.FirstOrDefaultAsync(r => r.LibraryId == libraryId, cancellationToken);

    public async Task<BlogDutyDto> ViewAsync(Guid libraryId, BlogDutyRota? rota, CancellationToken cancellationToken)
    {
        if (rota is null)
        {
            return new BlogDutyDto(libraryId, null, [], null);
        }

        var people = rota.Weeks.Where(w => w.StaffMemberId is not null).Select(w => w.StaffMemberId!.Value).Distinct().ToList();
        var names = await participants.NamesAsync(people, cancellationToken);
        var weeks = rota.Weeks.OrderBy(w => w.WeekOf)
            .Select(w => new DutyWeekDto(w.WeekOf, w.StaffMemberId, w.StaffMemberId is { } id ? names.GetValueOrDefault(id) : null))
            .ToList();
        var thisWeek = BlogDutyRota.MondayOf(calendar.Today);
        return new BlogDutyDto(libraryId, weeks.FirstOrDefault(w => w.WeekOf == thisWeek), weeks, rota.UpdatedAt);
    }
}
