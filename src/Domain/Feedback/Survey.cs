using EnSakITaget.Domain.Common;

namespace EnSakITaget.Domain.Feedback;

public enum SurveyOpening
{
    /// <summary>Everyone answers once the round has closed.</summary>
    RoundClosed,

    /// <summary>Each participant answers as soon as they complete the round (and everyone once it has closed).</summary>
    ParticipantCompleted,
}

public sealed class SurveyRuleException(string message) : DomainRuleViolationException(message);

/// <summary>Answers that do not fit the questions; the API answers 400 naming each.</summary>
public sealed class SurveyAnswersException(IReadOnlyList<AnswerProblem> problems)
    : FieldRuleException(problems
        .GroupBy(p => p.Field, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal))
{
    public IReadOnlyList<AnswerProblem> Problems { get; } = problems;
}

/// <param name="ClosesOn">The last day answers are taken; none means as long as the round's data is kept.</param>
public sealed record SurveySettings(bool IsAnonymous, SurveyOpening OpensWhen, DateOnly? ClosesOn, IReadOnlyList<QuestionContent> Questions);

/// <summary>What the survey must know of the round and the respondent when an answer comes.</summary>
public sealed record RespondentState(bool RoundClosed, bool HasCompleted, bool HasWithdrawn, int ThingsReported);

/// <summary>
/// A round's closing survey, and its optional self-assessment before the course. Its questions
/// and whether it is anonymous are settled before it opens and never change after.
/// </summary>
public sealed class Survey : IAudited
{
    public const int MaxTextLength = 4_000;

    public static readonly Guid WhatWasGood = new("5a3f0001-0000-4000-8000-000000000001");
    public static readonly Guid WhatToChange = new("5a3f0001-0000-4000-8000-000000000002");
    public static readonly Guid MostImportant = new("5a3f0001-0000-4000-8000-000000000003");

    /// <summary>The report's three questions, asked of every participant after the course.</summary>
    public static readonly IReadOnlyList<QuestionContent> DefaultQuestions =
    [
        new(WhatWasGood, QuestionKind.FreeText, "Vad var bra med kursen?", "What was good about the course?", false, false, [], []),
        new(WhatToChange, QuestionKind.FreeText, "Vad kunde vi ha gjort annorlunda?", "What could we have done differently?", false, false, [], []),
        new(MostImportant, QuestionKind.FreeText, "Vad är det viktigaste du har lärt dig?", "What is the most important thing you learned?", false, false, [], []),
    ];

    private Survey()
    {
    }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }
    public Guid RoundLibraryId { get; private set; }
    public Guid CourseId { get; private set; }
    public bool IsAnonymous { get; private set; }
    public SurveyOpening OpensWhen { get; private set; }
    public DateOnly? ClosesOn { get; private set; }
    public List<SurveyQuestion> Questions { get; private set; } = [];

    /// <summary>When the first answer came; from then on nothing of the survey changes.</summary>
    public DateTimeOffset? OpenedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Revision { get; private set; }

    Guid? IAudited.AuditLibraryId => RoundLibraryId;

    public bool HasSelfAssessment => Questions.Any(q => q.IsSelfAssessment);

    /// <summary>The survey a round has until someone changes it: the report's three questions, anonymous, when the round closes.</summary>
    public static Survey CreateDefault(Guid roundId, Guid roundLibraryId, Guid courseId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RoundId = roundId,
        RoundLibraryId = roundLibraryId,
        CourseId = courseId,
        IsAnonymous = true,
        OpensWhen = SurveyOpening.RoundClosed,
        Questions = [.. DefaultQuestions.Select(SurveyQuestion.From)],
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Whether answers may be under way: once opened, the survey is settled.</summary>
    public bool HasOpened(bool roundClosed, bool anyoneCompleted) =>
        OpenedAt is not null || roundClosed || (OpensWhen == SurveyOpening.ParticipantCompleted && anyoneCompleted);

    public void Change(SurveySettings settings, bool roundClosed, bool anyoneCompleted, DateTimeOffset now)
    {
        if (HasOpened(roundClosed, anyoneCompleted))
        {
            throw new SurveyRuleException("The survey has opened: its questions and whether it is anonymous can no longer change.");
        }

        var duplicate = settings.Questions.GroupBy(q => q.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new SurveyRuleException($"Two questions have the id {duplicate.Key}.");
        }

        IsAnonymous = settings.IsAnonymous;
        OpensWhen = settings.OpensWhen;
        ClosesOn = settings.ClosesOn;
        Questions = [.. settings.Questions.Select(SurveyQuestion.From)];
        UpdatedAt = now;
        Revision++;
    }

    /// <summary>Takes a participant's answers to a phase, if the survey is open to them and the answers fit.</summary>
    /// <returns>The response (without the participant when anonymous) and the record that they have answered.</returns>
    public (SurveyResponse Response, SurveyParticipation Participation) Answer(
        SurveyPhase phase, Guid staffMemberId, RespondentState respondent, IReadOnlyList<AnswerInput> answers, DateOnly today, DateTimeOffset now)
    {
        EnsureOpenTo(phase, respondent, today);
        var problems = Check(phase, answers);
        if (problems.Count > 0)
        {
            throw new SurveyAnswersException(problems);
        }

        OpenedAt ??= now;
        var response = SurveyResponse.Of(this, phase, IsAnonymous ? null : staffMemberId, answers, today);
        return (response, SurveyParticipation.Of(this, staffMemberId, phase));
    }

    private void EnsureOpenTo(SurveyPhase phase, RespondentState respondent, DateOnly today)
    {
        if (respondent.HasWithdrawn)
        {
            throw new SurveyRuleException("You have withdrawn from the round.");
        }

        if (ClosesOn is { } last && today > last)
        {
            throw new SurveyRuleException($"The survey closed on {last:yyyy-MM-dd}.");
        }

        if (phase == SurveyPhase.Before)
        {
            if (!HasSelfAssessment)
            {
                throw new SurveyRuleException("This survey has no self-assessment to answer before the course.");
            }

            if (respondent.RoundClosed || respondent.ThingsReported > 0)
            {
                throw new SurveyRuleException("The self-assessment before the course is answered before your first report.");
            }

            return;
        }

        if (respondent.RoundClosed)
        {
            return;
        }

        if (OpensWhen == SurveyOpening.RoundClosed)
        {
            throw new SurveyRuleException("The survey opens when the round closes.");
        }

        if (!respondent.HasCompleted)
        {
            throw new SurveyRuleException("The survey opens for you when you have completed the round.");
        }
    }

    private List<AnswerProblem> Check(SurveyPhase phase, IReadOnlyList<AnswerInput> answers)
    {
        var asked = Questions.Where(q => phase == SurveyPhase.Closing || q.IsSelfAssessment).ToDictionary(q => q.Id);
        var problems = new List<AnswerProblem>();
        var seen = new HashSet<Guid>();
        for (var i = 0; i < answers.Count; i++)
        {
            var (answer, field) = (answers[i], $"answers[{i}]");
            if (!asked.TryGetValue(answer.QuestionId, out var question))
            {
                problems.Add(new($"{field}.questionId", $"The survey asks no question {answer.QuestionId}{(phase == SurveyPhase.Before ? " before the course" : string.Empty)}."));
                continue;
            }

            if (!seen.Add(answer.QuestionId))
            {
                problems.Add(new($"{field}.questionId", "The question is answered twice."));
                continue;
            }

            problems.AddRange(CheckKind(question, answer, field));
        }

        problems.AddRange(asked.Values
            .Where(q => q.Required && !seen.Contains(q.Id))
            .Select(q => new AnswerProblem("answers", $"The question \"{q.TextEn}\" must be answered.")));
        return problems;
    }

    private static IEnumerable<AnswerProblem> CheckKind(SurveyQuestion question, AnswerInput answer, string field)
    {
        switch (question.Kind)
        {
            case QuestionKind.Rating when answer.Rating is not (>= SurveyQuestion.MinRating and <= SurveyQuestion.MaxRating):
                yield return new($"{field}.rating", $"The question takes a rating from {SurveyQuestion.MinRating} to {SurveyQuestion.MaxRating}.");
                break;
            case QuestionKind.SingleChoice when answer.Choice is not { } choice || choice < 0 || choice >= question.OptionsSv.Count:
                yield return new($"{field}.choice", $"The question takes one of its {question.OptionsSv.Count} choices, by index from 0.");
                break;
            case QuestionKind.FreeText when string.IsNullOrWhiteSpace(answer.Text):
                yield return new($"{field}.text", "The question takes a text.");
                break;
            case QuestionKind.FreeText when answer.Text!.Length > MaxTextLength:
                yield return new($"{field}.text", $"At most {MaxTextLength} characters.");
                break;
        }

        if ((question.Kind != QuestionKind.Rating && answer.Rating is not null)
            || (question.Kind != QuestionKind.SingleChoice && answer.Choice is not null)
            || (question.Kind != QuestionKind.FreeText && answer.Text is not null))
        {
            yield return new(field, $"The question is answered with {(question.Kind == QuestionKind.FreeText ? "a text" : question.Kind == QuestionKind.Rating ? "a rating" : "a choice")} only.");
        }
    }
}
