using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;

using EnSakITaget.Domain.Feedback;
using EnSakITaget.Application.Common.Validation;
using EnSakITaget.Application.Feedback.UpdateSurvey;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Feedback.AnswerSurvey;

public sealed record AnswerInputDto(Guid? QuestionId, int? Rating, int? Choice, string? Text);

public record ResponseInput
{
    /// <summary><c>Closing</c> (the default) for the closing survey, <c>Before</c> for the self-assessment before the course.</summary>
    public SurveyPhase? Phase { get; init; }

    public IReadOnlyList<AnswerInputDto>? Answers { get; init; }
}

/// <summary>A participant answers the round's survey, once per phase.</summary>
public sealed record AnswerSurveyCommand : ResponseInput, ICommand<ResponseReceipt>
{
    public AnswerSurveyCommand(Guid roundId, ResponseInput input)
        : base(input)
    {
        RoundId = roundId;
    }

    public Guid RoundId { get; }
}

/// <param name="IsAnonymous">When true, nothing stored leads from the answers back to the participant.</param>
public sealed record ResponseReceipt(Guid RoundId, SurveyPhase Phase, DateOnly SubmittedOn, bool IsAnonymous, int Answers);

internal sealed class AnswerSurveyCommandValidator : AbstractValidator<AnswerSurveyCommand>
{
    public const int MaxAnswers = 50;

    public AnswerSurveyCommandValidator()
    {
        RuleFor(c => c.Phase).IsInEnum();
        RuleFor(c => c.Answers).NotEmpty().MaxItems(MaxAnswers).WithMessage($"At most {MaxAnswers} answers.");
        RuleForEach(c => c.Answers).SetValidator(new AnswerInputValidator()).When(c => c.Answers.IsWithin(MaxAnswers));
    }
}

/// <summary>The shape of one answer; whether it fits its question is the survey's rule.</summary>
internal sealed class AnswerInputValidator : AbstractValidator<AnswerInputDto>
{
    public AnswerInputValidator()
    {
        RuleFor(a => a.QuestionId).NotNull();
        RuleFor(a => a.Rating).InclusiveBetween(SurveyQuestion.MinRating, SurveyQuestion.MaxRating);
        RuleFor(a => a.Choice).InclusiveBetween(0, UpdateSurveyCommandValidator.MaxOptions - 1);
        RuleFor(a => a.Text).MaximumLength(Survey.MaxTextLength);
    }
}

internal sealed class AnswerSurveyCommandHandler(IApplicationDbContext db, SurveyAccess access, CourseCalendar calendar)
    : ICommandHandler<AnswerSurveyCommand, ResponseReceipt>
{
    public async ValueTask<ResponseReceipt> Handle(AnswerSurveyCommand command, CancellationToken cancellationToken)
    {
        var (round, enrolment) = await access.RoundIRunOrTakePartAsync(command.RoundId, cancellationToken);
        if (enrolment is null)
        {
            throw new NotFoundException(message: $"You take part in no round {round.Id}: only its participants answer its survey.");
        }

        var phase = command.Phase ?? SurveyPhase.Closing;
        var survey = await access.StoredSurveyAsync(round.Id, tracked: true, cancellationToken);
        if (survey is null)
        {
            survey = Survey.CreateDefault(round.Id, round.HomeLibraryId, round.CourseId, calendar.Now);
            db.Surveys.Add(survey);
        }
        else if (await access.HasAnsweredAsync(survey.Id, enrolment.ParticipantId, phase, cancellationToken))
        {
            throw new SurveyRuleException(phase == SurveyPhase.Before
                ? "You have already answered the self-assessment before the course."
                : "You have already answered the survey: one answer per participant.");
        }

        var respondent = new RespondentState(round.IsClosed, enrolment.HasCompleted, enrolment.HasWithdrawn, enrolment.ThingsReported);
        var answers = command.Answers!.Select(a => new AnswerInput(a.QuestionId!.Value, a.Rating, a.Choice, a.Text)).ToList();
        var (response, participation) = survey.Answer(phase, enrolment.ParticipantId, respondent, answers, calendar.Today, calendar.Now);
        db.SurveyResponses.Add(response);
        db.SurveyParticipations.Add(participation);
        await db.SaveChangesAsync(cancellationToken);
        return new ResponseReceipt(round.Id, phase, response.SubmittedOn, survey.IsAnonymous, response.Answers.Count);
    }
}
