using EnSakITaget.Application.Common;
using EnSakITaget.Application.Participants.Contracts;
using Mediator;

namespace EnSakITaget.Application.Community.GetRoundBlogDuty;

/// <summary>Who writes the library's blog this week, as the round's blog shows it.</summary>
/// <param name="WeekOf">The Monday of this week.</param>
/// <param name="Name">Who is on duty; null when the rota has nobody this week (no rota, a pause, an erased volunteer).</param>
public sealed record ThisWeeksBlogDutyDto(DateOnly WeekOf, string? Name);

/// <summary>Who writes the blog of the round's library this week: for the round's readers, who see only that name of the rota.</summary>
public sealed record GetRoundBlogDutyQuery(Guid RoundId) : IQuery<ThisWeeksBlogDutyDto>;

internal sealed class GetRoundBlogDutyQueryHandler(CommunityAccess access, IParticipantDirectory participants, CourseCalendar calendar)
    : IQueryHandler<GetRoundBlogDutyQuery, ThisWeeksBlogDutyDto>
{
    public async ValueTask<ThisWeeksBlogDutyDto> Handle(GetRoundBlogDutyQuery query, CancellationToken cancellationToken)
    {
        var reader = await access.ReaderAsync(query.RoundId, cancellationToken);
        var today = calendar.Today;
        var onDuty = (await access.RotaOfRoundAsync(reader, cancellationToken))?.OnDuty(today)?.StaffMemberId;
        var name = onDuty is { } id ? (await participants.NamesAsync([id], cancellationToken)).GetValueOrDefault(id) : null;
        return new ThisWeeksBlogDutyDto(Domain.Community.BlogDutyRota.MondayOf(today), name);
    }
}
