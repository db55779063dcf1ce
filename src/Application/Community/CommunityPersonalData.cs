using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Privacy.Contracts;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Community;

/// <summary>
/// The Community module's part in export and erasure: a person's posts and comments on round blogs,
/// with every earlier version, and their weeks of blog duty (erased, the week stays with nobody on duty). Erasure keeps each post or comment in its place (a conversation stays
/// readable) but replaces its words with a neutral placeholder, drops the link to its author, and
/// takes an erased post off the public blog. Retention does the same to closed rounds' blogs.
/// </summary>
internal sealed class CommunityPersonalData(IApplicationDbContext db, CommunityAccess access, TimeProvider time) : IPersonalDataSource
{
    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var posts = await access.PostsBy(subject.StaffMemberId, subject.AccountId).AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var comments = await access.CommentsBy(subject.StaffMemberId, subject.AccountId).AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var dutyWeeks = (await access.RotasWithAsync(subject.StaffMemberId, cancellationToken))
            .SelectMany(r => r.Weeks.Where(w => w.StaffMemberId == subject.StaffMemberId).Select(w => new { r.LibraryId, w.WeekOf }))
            .OrderBy(w => w.WeekOf)
            .ToList();
        return
        [
            new("blogPosts", posts.Count,
                "Inlägg i kursomgångarnas bloggar, med tidigare versioner, om de dolts och om de publicerats på bibliotekets öppna blogg.",
                "Posts on the rounds' blogs, with earlier versions, whether they were hidden and whether they are on the library's public blog.",
                [.. posts.Select(p => (object)new
                {
                    p.Id, p.RoundId, p.ThingId, p.AuthorName, p.Title, p.Body, p.CreatedAt, p.UpdatedAt, p.Moderation.HiddenAt, HiddenReason = p.Moderation.Reason,
                    p.Publication, p.PublishedAt, History = p.History.Select(h => new { h.Title, h.Body, h.WrittenAt }),
                })]),
            new("blogComments", comments.Count,
                "Kommentarer i kursomgångarnas bloggar, med tidigare versioner.",
                "Comments on the rounds' blogs, with earlier versions.",
                [.. comments.Select(c => (object)new
                {
                    c.Id, c.PostId, c.RoundId, c.AuthorName, c.Body, c.CreatedAt, c.UpdatedAt, c.Moderation.HiddenAt, HiddenReason = c.Moderation.Reason,
                    History = c.History.Select(h => new { h.Body, h.WrittenAt }),
                })]),
            new("blogDutyWeeks", dutyWeeks.Count,
                "Veckor då personen har ansvar för ett biblioteks blogg.",
                "Weeks the person is responsible for a library's blog.",
                [.. dutyWeeks.Cast<object>()]),
        ];
    }

    public async Task EraseAsync(DataSubject subject, ErasureRequest request, CancellationToken cancellationToken)
    {
        foreach (var post in await access.PostsBy(subject.StaffMemberId, subject.AccountId).ToListAsync(cancellationToken))
        {
            post.Erase(request.At);
        }

        foreach (var comment in await access.CommentsBy(subject.StaffMemberId, subject.AccountId).ToListAsync(cancellationToken))
        {
            comment.Erase(request.At);
        }

        foreach (var rota in await access.RotasWithAsync(subject.StaffMemberId, cancellationToken))
        {
            rota.Erase(subject.StaffMemberId!.Value, request.At);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, int>> EraseAfterRetentionAsync(IReadOnlyCollection<Guid> roundIds, CancellationToken cancellationToken)
    {
        var rounds = roundIds.ToArray();
        var now = time.GetUtcNow();
        var posts = await access.PostsOfRounds(rounds).Where(p => p.AuthorStaffMemberId != null || p.AuthorUserId != null).ToListAsync(cancellationToken);
        var comments = await access.CommentsOfRounds(rounds).Where(c => c.AuthorStaffMemberId != null || c.AuthorUserId != null).ToListAsync(cancellationToken);
        posts.ForEach(p => p.Erase(now));
        comments.ForEach(c => c.Erase(now));
        await db.SaveChangesAsync(cancellationToken);
        return new Dictionary<string, int> { ["blogPosts"] = posts.Count, ["blogComments"] = comments.Count };
    }
}
