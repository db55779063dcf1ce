using EnSakITaget.Domain.Feedback;

namespace EnSakITaget.Application.Feedback;

/// <param name="RoundId">Null for a summary across the rounds of a course.</param>
/// <param name="Enrolled">Participants who have not withdrawn, the base of the response rate.</param>
/// <param name="ResponseRate">Closing responses per enrolled participant, 0 to 1.</param>
/// <param name="MinimumGroupSize">In an anonymous survey, fewer answers than this are not shown.</param>
public sealed record SurveySummaryDto(
    Guid? RoundId, Guid CourseId, int Rounds, bool IsAnonymous, int Enrolled, int Responses, double ResponseRate, int MinimumGroupSize,
    IReadOnlyList<QuestionSummaryDto> Questions, IReadOnlyList<SelfAssessmentChangeDto> SelfAssessment);

/// <param name="Suppressed">Too few answered for the figures to be shown without pointing at someone.</param>
/// <param name="RatingCounts">For a rating: how many gave 1, 2, 3, 4 and 5.</param>
/// <param name="Texts">For a free text: the answers, without names when the survey is anonymous.</param>
public sealed record QuestionSummaryDto(
    Guid QuestionId, QuestionKind Kind, string TextSv, string TextEn, int Answers, bool Suppressed,
    IReadOnlyList<int>? RatingCounts, double? Mean, IReadOnlyList<ChoiceCountDto>? Choices, IReadOnlyList<TextAnswerDto>? Texts);

public sealed record ChoiceCountDto(int Choice, string TextSv, string TextEn, int Count);

/// <param name="Name">Null in an anonymous survey.</param>
public sealed record TextAnswerDto(string Text, string? Name);

/// <summary>A self-assessment before the course and at its end: the change the report calls increased self-confidence.</summary>
public sealed record SelfAssessmentChangeDto(
    Guid QuestionId, string TextSv, string TextEn, int BeforeAnswers, double? BeforeMean, int AfterAnswers, double? AfterMean, double? Change,
    bool Suppressed);

/// <summary>Adds up a survey's responses, holding back in an anonymous survey whatever fewer than the minimum answered.</summary>
internal sealed class SurveySummaryBuilder(int minimumGroupSize, bool anonymous)
{
    public SurveySummaryDto Build(
        Guid? roundId, Guid courseId, int rounds, int enrolled, IReadOnlyList<QuestionContent> questions,
        IReadOnlyList<SurveyResponse> responses, IReadOnlyDictionary<Guid, string> names)
    {
        var closing = responses.Where(r => r.Phase == SurveyPhase.Closing).ToList();
        var before = responses.Where(r => r.Phase == SurveyPhase.Before).ToList();
        return new SurveySummaryDto(
            roundId, courseId, rounds, anonymous, enrolled, closing.Count,
            enrolled == 0 ? 0 : Math.Round((double)closing.Count / enrolled, 4),
            minimumGroupSize,
            [.. questions.Select(q => Summarise(q, AnswersTo(q.Id, closing), names))],
            [.. questions.Where(q => q.IsSelfAssessment).Select(q => Change(q, AnswersTo(q.Id, before), AnswersTo(q.Id, closing)))]);
    }

    private static List<(SurveyResponse Response, SurveyAnswer Answer)> AnswersTo(Guid questionId, List<SurveyResponse> responses) =>
        [.. responses.SelectMany(r => r.Answers.Where(a => a.QuestionId == questionId).Select(a => (r, a)))];

    private QuestionSummaryDto Summarise(QuestionContent question, List<(SurveyResponse Response, SurveyAnswer Answer)> answers, IReadOnlyDictionary<Guid, string> names)
    {
        var count = answers.Count;
        if (TooFew(count))
        {
            return new QuestionSummaryDto(question.Id, question.Kind, question.TextSv, question.TextEn, count, true, null, null, null, null);
        }

        return question.Kind switch
        {
            QuestionKind.Rating => new QuestionSummaryDto(
                question.Id, question.Kind, question.TextSv, question.TextEn, count, false,
                [.. Enumerable.Range(SurveyQuestion.MinRating, SurveyQuestion.MaxRating).Select(value => answers.Count(a => a.Answer.Rating == value))],
                Mean(answers.Select(a => a.Answer.Rating)), null, null),
            QuestionKind.SingleChoice => new QuestionSummaryDto(
                question.Id, question.Kind, question.TextSv, question.TextEn, count, false, null, null,
                [.. question.OptionsSv.Select((option, i) => new ChoiceCountDto(i, option, question.OptionsEn[i], answers.Count(a => a.Answer.Choice == i)))],
                null),
            _ => new QuestionSummaryDto(
                question.Id, question.Kind, question.TextSv, question.TextEn, count, false, null, null, null,
                anonymous
                    // In text order, not the order they came in, which could be matched with who answered when.
                    ? [.. answers.Select(a => new TextAnswerDto(a.Answer.Text ?? string.Empty, null)).OrderBy(t => t.Text, StringComparer.Ordinal)]
                    : [.. answers
                        .Select(a => new TextAnswerDto(a.Answer.Text ?? string.Empty, a.Response.RespondentId is { } id ? names.GetValueOrDefault(id) : null))
                        .OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Text, StringComparer.Ordinal)]),
        };
    }

    private SelfAssessmentChangeDto Change(
        QuestionContent question, List<(SurveyResponse Response, SurveyAnswer Answer)> before, List<(SurveyResponse Response, SurveyAnswer Answer)> after)
    {
        var suppressed = TooFew(before.Count) || TooFew(after.Count);
        var (beforeMean, afterMean) = suppressed ? (null, null) : (Mean(before.Select(a => a.Answer.Rating)), Mean(after.Select(a => a.Answer.Rating)));
        return new SelfAssessmentChangeDto(
            question.Id, question.TextSv, question.TextEn, before.Count, beforeMean, after.Count, afterMean,
            beforeMean is { } b && afterMean is { } a ? Math.Round(a - b, 2) : null, suppressed);
    }

    private bool TooFew(int count) => anonymous && count > 0 && count < minimumGroupSize;

    private static double? Mean(IEnumerable<int?> ratings)
    {
        var values = ratings.Where(r => r is not null).Select(r => r!.Value).ToList();
        return values.Count == 0 ? null : Math.Round(values.Average(), 2);
    }
}
