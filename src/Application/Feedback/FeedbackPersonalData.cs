using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Privacy.Contracts;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Feedback;

/// <summary>
/// The Feedback module's part in export and erasure: the person's answers to surveys that are
/// not anonymous. Anonymous answers have no respondent, so they are nobody's to export or erase.
/// <para>
/// It reads past the library scope, bound to one member of staff whom the caller was already
/// allowed to reach: a pilot answers the survey of a round in another municipality.
/// </para>
/// </summary>
internal sealed class FeedbackPersonalData(IApplicationDbContext db) : IPersonalDataSource
{
    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        if (subject.StaffMemberId is not { } staffId)
        {
            return [];
        }

        var responses = await db.SurveyResponses.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.RespondentId == staffId).OrderBy(r => r.SubmittedOn).ToListAsync(cancellationToken);
        return
        [
            new("surveyAnswers", responses.Count,
                "Svar på enkäter som inte är anonyma, med personens namn (anonyma svar kan inte knytas till någon och finns inte här).",
                "Answers to surveys that are not anonymous, under the person's name (anonymous answers lead back to no one and are not here).",
                [.. responses.Select(r => (object)new
                {
                    r.Id, r.SurveyId, r.RoundId, r.Phase, r.SubmittedOn,
                    Answers = r.Answers.Select(a => new { a.QuestionId, a.Rating, a.Choice, a.Text }),
                })]),
        ];
    }

    public async Task EraseAsync(DataSubject subject, ErasureRequest request, CancellationToken cancellationToken)
    {
        if (subject.StaffMemberId is not { } staffId)
        {
            return;
        }

        foreach (var response in await db.SurveyResponses.IgnoreQueryFilters().Where(r => r.RespondentId == staffId).ToListAsync(cancellationToken))
        {
            response.Anonymise();
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, int>> EraseAfterRetentionAsync(IReadOnlyCollection<Guid> roundIds, CancellationToken cancellationToken)
    {
        var rounds = roundIds.ToArray();
        var named = await db.SurveyResponses.IgnoreQueryFilters().Where(r => rounds.Contains(r.RoundId) && r.RespondentId != null).ToListAsync(cancellationToken);
        named.ForEach(r => r.Anonymise());
        await db.SaveChangesAsync(cancellationToken);
        return new Dictionary<string, int> { ["namedSurveyAnswers"] = named.Count };
    }
}
