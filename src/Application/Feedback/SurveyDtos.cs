using EnSakITaget.Domain.Feedback;

namespace EnSakITaget.Application.Feedback;

/// <param name="IsStored">False while the round has the default survey and nobody has changed or answered it.</param>
/// <param name="HasOpened">Answers may be under way: the survey no longer changes.</param>
/// <param name="Mine">For a participant: which parts they have answered.</param>
public sealed record SurveyDto(
    Guid RoundId, bool IsStored, bool IsAnonymous, SurveyOpening OpensWhen, DateOnly? ClosesOn, bool HasOpened,
    IReadOnlyList<QuestionDto> Questions, MyAnswersDto? Mine);

public sealed record QuestionDto(
    Guid Id, QuestionKind Kind, string TextSv, string TextEn, bool Required, bool IsSelfAssessment,
    IReadOnlyList<string> OptionsSv, IReadOnlyList<string> OptionsEn)
{
    public static QuestionDto Of(QuestionContent q) => new(q.Id, q.Kind, q.TextSv, q.TextEn, q.Required, q.IsSelfAssessment, q.OptionsSv, q.OptionsEn);
}

public sealed record MyAnswersDto(bool AnsweredBefore, bool AnsweredClosing);

internal static class SurveyViews
{
    public static SurveyDto ViewOf(Guid roundId, Survey? survey, bool hasOpened, MyAnswersDto? mine) => survey is null
        ? new SurveyDto(roundId, false, true, SurveyOpening.RoundClosed, null, hasOpened, [.. Survey.DefaultQuestions.Select(QuestionDto.Of)], mine)
        : new SurveyDto(
            roundId, true, survey.IsAnonymous, survey.OpensWhen, survey.ClosesOn, hasOpened,
            [.. survey.Questions.Select(q => QuestionDto.Of(q.Content))], mine);
}
