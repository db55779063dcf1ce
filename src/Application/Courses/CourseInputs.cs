using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Validation;
using FluentValidation;

namespace EnSakITaget.Application.Courses;

public record CourseInput
{
    public string? Title { get; init; }
    public string? Description { get; init; }

    /// <summary>"sv" or "en", or another IETF language tag.</summary>
    public string? Language { get; init; }
}

public record ThingInput
{
    public string? Title { get; init; }

    /// <summary>Markdown.</summary>
    public string? Instructions { get; init; }

    public IReadOnlyList<string>? Links { get; init; }
    public int? EstimatedMinutes { get; init; }

    /// <summary>What the participant should report on the thing.</summary>
    public string? ReportPrompt { get; init; }

    /// <summary>1-based place among the course's things; left out, a new thing goes last and a changed one stays.</summary>
    public int? Position { get; init; }

    internal Domain.Courses.ThingContent ToContent() =>
        new(Title!.Trim(), Instructions ?? string.Empty, Links ?? [], EstimatedMinutes!.Value, ReportPrompt ?? string.Empty);
}

internal abstract class CourseInputValidator<T> : AbstractValidator<T>
    where T : CourseInput
{
    protected CourseInputValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(Limits.Title);
        RuleFor(c => c.Description).MaximumLength(Limits.Text);
        RuleFor(c => c.Language).NotEmpty().MaximumLength(CourseLimits.MaxLanguageTag)
            .Matches("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$").WithMessage("'Language' must be a language tag such as sv or en.");
    }
}

internal abstract class ThingInputValidator<T> : AbstractValidator<T>
    where T : ThingInput
{
    protected ThingInputValidator()
    {
        RuleFor(t => t.Title).NotEmpty().MaximumLength(Limits.Title);
        RuleFor(t => t.Instructions).MaximumLength(Limits.LongText);
        RuleFor(t => t.Links).MaxItems(CourseLimits.MaxLinks).WithMessage($"At most {CourseLimits.MaxLinks} links.");
        RuleForEach(t => t.Links)
            .Must(link => Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .WithMessage("A link must be an absolute http or https address.")
            .MaximumLength(Limits.Link);
        RuleFor(t => t.EstimatedMinutes).NotNull().InclusiveBetween(1, CourseLimits.MaxEstimatedMinutes);
        RuleFor(t => t.ReportPrompt).MaximumLength(Limits.ShortText);
        RuleFor(t => t.Position).InclusiveBetween(1, CourseLimits.MaxThings);
    }
}
