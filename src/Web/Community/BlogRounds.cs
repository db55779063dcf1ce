using EnSakITaget.Web.Common.Api;
using EnSakITaget.Web.Coordination;
using EnSakITaget.Web.Identity;
using EnSakITaget.Web.Participants;

namespace EnSakITaget.Web.Community;

/// <summary>A released thing of the round a post can be about; <paramref name="HasReflection"/> when the reader reported it with a reflection.</summary>
public sealed record BlogThing(Guid Id, int Position, string Title, bool HasReflection);

/// <summary>What the blog pages show of the round: its title and released things.</summary>
public sealed record BlogRound(Guid Id, string Title, IReadOnlyList<BlogThing> Things, bool TakesPart);

/// <summary>
/// The round as its blog's reader sees it: a participant through their own rounds, whoever runs
/// it through the round and its schedule. Null when the reader reaches neither.
/// </summary>
public sealed class BlogRounds(MyRoundsService rounds, ApiClient api, Session session)
{
    public async Task<BlogRound?> FindAsync(Guid roundId)
    {
        if (await rounds.FindAsync(roundId) is { } mine)
        {
            return new BlogRound(roundId, mine.Title ?? string.Empty,
                [.. (mine.Things ?? []).Where(t => t.ReleasedAt is not null).OrderBy(t => t.Position)
                    .Select(t => new BlogThing(t.ThingId ?? Guid.Empty, t.Position ?? 0, t.Title ?? string.Empty,
                        t.Status == ThingProgressStatus.Reported && !string.IsNullOrWhiteSpace(t.Reflection?.Text)))],
                TakesPart: true);
        }

        if (!CoordinatorAccess.MayCoordinate(session.Me))
        {
            return null;
        }

        try
        {
            var round = await api.GetRoundAsync(roundId);
            var schedule = await api.GetScheduleAsync(roundId);
            return new BlogRound(roundId, round.Title ?? string.Empty,
                [.. (schedule.Things ?? []).Where(t => t.ReleasedAt is not null).OrderBy(t => t.Position)
                    .Select(t => new BlogThing(t.ThingId ?? Guid.Empty, t.Position ?? 0, t.Title ?? string.Empty, false))],
                TakesPart: false);
        }
        catch (ApiException e) when (CoordinatorAccess.IsNotYours(e))
        {
            return null;
        }
    }
}
