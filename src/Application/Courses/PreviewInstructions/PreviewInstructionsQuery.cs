using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Rendering;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Courses.PreviewInstructions;

public record InstructionsInput
{
    /// <summary>Markdown, as a thing's instructions.</summary>
    public string? Markdown { get; init; }
}

/// <param name="Html">The instructions as participants will see them: HTML that is safe to show.</param>
public sealed record InstructionsPreviewDto(string Html);

public sealed record PreviewInstructionsQuery : InstructionsInput, IQuery<InstructionsPreviewDto>
{
    public PreviewInstructionsQuery(InstructionsInput input)
        : base(input)
    {
    }
}

internal sealed class PreviewInstructionsQueryValidator : AbstractValidator<PreviewInstructionsQuery>
{
    public PreviewInstructionsQueryValidator()
    {
        RuleFor(p => p.Markdown).MaximumLength(Limits.LongText);
    }
}

internal sealed class PreviewInstructionsQueryHandler : IQueryHandler<PreviewInstructionsQuery, InstructionsPreviewDto>
{
    public ValueTask<InstructionsPreviewDto> Handle(PreviewInstructionsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new InstructionsPreviewDto(SafeMarkdown.ToHtml(query.Markdown ?? string.Empty)));
}
