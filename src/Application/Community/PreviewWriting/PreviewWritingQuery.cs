using EnSakITaget.Application.Common.Rendering;
using EnSakITaget.Domain.Community;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Community.PreviewWriting;

public record PreviewInput
{
    /// <summary>Markdown, as it would be posted.</summary>
    public string? Body { get; init; }
}

/// <param name="Html">The safe HTML the blog would show: the web app shows this and never renders Markdown itself.</param>
public sealed record PreviewDto(string Html);

/// <summary>What a post or comment being written will look like, rendered as the blog renders it; nothing is saved.</summary>
public sealed record PreviewWritingQuery : PreviewInput, IQuery<PreviewDto>
{
    public PreviewWritingQuery(Guid roundId, PreviewInput input)
        : base(input)
    {
        RoundId = roundId;
    }

    public Guid RoundId { get; }
}

internal sealed class PreviewWritingQueryValidator : AbstractValidator<PreviewWritingQuery>
{
    public PreviewWritingQueryValidator() => RuleFor(q => q.Body).NotNull().MaximumLength(Post.MaxBodyLength);
}

internal sealed class PreviewWritingQueryHandler(CommunityAccess access) : IQueryHandler<PreviewWritingQuery, PreviewDto>
{
    public async ValueTask<PreviewDto> Handle(PreviewWritingQuery query, CancellationToken cancellationToken)
    {
        await access.ReaderAsync(query.RoundId, cancellationToken);
        return new PreviewDto(SafeMarkdown.ToHtml(query.Body!));
    }
}
