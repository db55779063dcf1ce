namespace EnSakITaget.Domain.Feedback;

/// <summary>
/// One participant's answers. In an anonymous survey it holds nothing that leads back to them:
/// no respondent, a random id, and only the day it came.
/// </summary>
public sealed class SurveyResponse
{
    private SurveyResponse()
    {
    }

    public Guid Id { get; private set; }
    public Guid SurveyId { get; private set; }
    public Guid RoundId { get; private set; }
    public Guid RoundLibraryId { get; private set; }
    public Guid CourseId { get; private set; }
    public SurveyPhase Phase { get; private set; }

    /// <summary>The member of staff who answered; always null in an anonymous survey.</summary>
    public Guid? RespondentId { get; private set; }

    public DateOnly SubmittedOn { get; private set; }
    public List<SurveyAnswer> Answers { get; private set; } = [];

    /// <summary>An erased person's named answers become anonymous: they still count, but lead back to no one.</summary>
    public void Anonymise() => RespondentId = null;

    internal static SurveyResponse Of(Survey survey, SurveyPhase phase, Guid? respondentId, IEnumerable<AnswerInput> answers, DateOnly today) => new()
    {
        // A random id: a time-ordered one would tell when the answer came, next to the participation.
        Id = Guid.NewGuid(),
        SurveyId = survey.Id,
        RoundId = survey.RoundId,
        RoundLibraryId = survey.RoundLibraryId,
        CourseId = survey.CourseId,
        Phase = phase,
        RespondentId = respondentId,
        SubmittedOn = today,
        Answers = [.. answers.Select(SurveyAnswer.From)],
    };
}

/// <summary>That a participant has answered a phase of a survey, and nothing more: it prevents a second answer.</summary>
public sealed class SurveyParticipation
{
    private SurveyParticipation()
    {
    }

    public Guid SurveyId { get; private set; }
    public Guid StaffMemberId { get; private set; }
    public SurveyPhase Phase { get; private set; }
    public Guid RoundLibraryId { get; private set; }

    internal static SurveyParticipation Of(Survey survey, Guid staffMemberId, SurveyPhase phase) => new()
    {
        SurveyId = survey.Id,
        StaffMemberId = staffMemberId,
        Phase = phase,
        RoundLibraryId = survey.RoundLibraryId,
    };
}
