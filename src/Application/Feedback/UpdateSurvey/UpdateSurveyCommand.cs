using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Domain.Feedback;
using EnSakITaget.Application.Common.Validation;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Feedback.UpdateSurvey;

public record SurveyInput
{
    /// <summary>Anonymous surveys keep no link from an answer to its author. Settled when the survey opens.</summary>
    public bool? IsAnonymous { get; init; }

    public SurveyOpening? OpensWhen { get; init; }

    /// <summary>The last day answers are taken; none for no end.</summary>
    public DateOnly? ClosesOn { get; init; }

    public IReadOnlyList<QuestionInput>? Questions { get; init; }
}

public sealed record QuestionInput
{
    /// <summary>Keep a question's id to keep it the same question; a new one gets an id.</summary>
    public Guid? Id { get; init; }

    public QuestionKind? Kind { get; init; }
    public string? TextSv { get; init; }
    public string? TextEn { get; init; }
    public bool Required { get; init; }
    public bool IsSelfAssessment { get; init; }
    public IReadOnlyList<string>? OptionsSv { get; init; }
    public IReadOnlyList<string>? OptionsEn { get; init; }
}

/// <summary>Changes the round's survey before it opens.</summary>
public sealed record UpdateSurveyCommand : SurveyInput, ICommand<SurveyDto>
{
    public UpdateSurveyCommand(Guid roundId, SurveyInput input)
        : base(input)
    {
        RoundId = roundId;
    }

    public Guid RoundId { get; }
}

internal sealed class UpdateSurveyCommandValidator : AbstractValidator<UpdateSurveyCommand>
{
    public const int MaxQuestions = 30;
    public const int MaxQuestionLength = 500;
    public const int MaxOptions = 20;
    public const int MaxOptionLength = 200;

    public UpdateSurveyCommandValidator()
    {
        RuleFor(c => c.IsAnonymous).NotNull();
        RuleFor(c => c.OpensWhen).NotNull().IsInEnum();
        RuleFor(c => c.Questions).NotEmpty().MaxItems(MaxQuestions).WithMessage($"At most {MaxQuestions} questions.");
        RuleForEach(c => c.Questions).SetValidator(new QuestionInputValidator()).When(c => c.Questions.IsWithin(MaxQuestions));
    }
}

internal sealed class QuestionInputValidator : AbstractValidator<QuestionInput>
{
    public QuestionInputValidator()
    {
        RuleFor(q => q.Kind).NotNull().IsInEnum();
        RuleFor(q => q.TextSv).NotEmpty().MaximumLength(UpdateSurveyCommandValidator.MaxQuestionLength);
        RuleFor(q => q.TextEn).NotEmpty().MaximumLength(UpdateSurveyCommandValidator.MaxQuestionLength);
        RuleFor(q => q.IsSelfAssessment).Equal(false).When(q => q.Kind != QuestionKind.Rating)
            .WithMessage("Only a rating question can be a self-assessment.");
        RuleFor(q => q.OptionsSv).MaxItems(UpdateSurveyCommandValidator.MaxOptions)
            .WithMessage($"A single choice has 2 to {UpdateSurveyCommandValidator.MaxOptions} choices.");
        RuleFor(q => q.OptionsEn).MaxItems(UpdateSurveyCommandValidator.MaxOptions)
            .WithMessage("Give every choice in English too, in the same order.");
        RuleForEach(q => q.OptionsSv).MaximumLength(UpdateSurveyCommandValidator.MaxOptionLength);
        RuleForEach(q => q.OptionsEn).MaximumLength(UpdateSurveyCommandValidator.MaxOptionLength);
        RuleFor(q => q.OptionsSv).Must(o => o is { Count: >= 2 and <= UpdateSurveyCommandValidator.MaxOptions } && o.All(x => !string.IsNullOrWhiteSpace(x)))
            .When(q => q.Kind == QuestionKind.SingleChoice).WithMessage($"A single choice has 2 to {UpdateSurveyCommandValidator.MaxOptions} choices.");
        RuleFor(q => q.OptionsEn).Must((q, o) => o is not null && o.Count == q.OptionsSv?.Count && o.All(x => !string.IsNullOrWhiteSpace(x)))
            .When(q => q.Kind == QuestionKind.SingleChoice).WithMessage("Give every choice in English too, in the same order.");
        RuleFor(q => q.OptionsSv).Must(o => o is null || o.Count == 0)
            .When(q => q.Kind != QuestionKind.SingleChoice).WithMessage("Only a single choice has choices.");
    }
}

internal sealed class UpdateSurveyCommandHandler(IApplicationDbContext db, SurveyAccess access, TimeProvider time)
    : ICommandHandler<UpdateSurveyCommand, SurveyDto>
{
    public async ValueTask<SurveyDto> Handle(UpdateSurveyCommand command, CancellationToken cancellationToken)
    {
        var round = await access.RoundIRunAsync(command.RoundId, cancellationToken);
        var now = time.GetUtcNow();
        var survey = await access.StoredSurveyAsync(round.Id, tracked: true, cancellationToken);
        if (survey is null)
        {
            survey = Survey.CreateDefault(round.Id, round.HomeLibraryId, round.CourseId, now);
            db.Surveys.Add(survey);
        }

        var anyoneCompleted = await access.AnyoneCompletedAsync(round.Id, cancellationToken);
        var questions = command.Questions!.Select(q => new QuestionContent(
            q.Id ?? Guid.CreateVersion7(now), q.Kind!.Value, q.TextSv!.Trim(), q.TextEn!.Trim(), q.Required, q.IsSelfAssessment,
            [.. (q.OptionsSv ?? []).Select(o => o.Trim())], [.. (q.OptionsEn ?? []).Select(o => o.Trim())])).ToList();
        survey.Change(new SurveySettings(command.IsAnonymous!.Value, command.OpensWhen!.Value, command.ClosesOn, questions), round.IsClosed, anyoneCompleted, now);
        await db.SaveChangesAsync(cancellationToken);
        return SurveyViews.ViewOf(round.Id, survey, hasOpened: false, mine: null);
    }
}
