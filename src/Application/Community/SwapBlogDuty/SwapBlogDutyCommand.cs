using EnSakITaget.Application.Common.Abstractions;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Community.SwapBlogDuty;

public record BlogDutySwapInput
{
    /// <summary>A day of one week of the rota.</summary>
    public DateOnly? WeekA { get; init; }

    /// <summary>A day of the other week.</summary>
    public DateOnly? WeekB { get; init; }
}

/// <summary>The people of two weeks of the rota change places, as two volunteers agreed.</summary>
public sealed record SwapBlogDutyCommand : BlogDutySwapInput, ICommand<BlogDutyDto>
{
    public SwapBlogDutyCommand(Guid libraryId, BlogDutySwapInput input)
        : base(input)
    {
        LibraryId = libraryId;
    }

    public Guid LibraryId { get; }
}

internal sealed class SwapBlogDutyCommandValidator : AbstractValidator<SwapBlogDutyCommand>
{
    public SwapBlogDutyCommandValidator()
    {
        RuleFor(c => c.WeekA).NotNull();
        RuleFor(c => c.WeekB).NotNull();
    }
}

internal sealed class SwapBlogDutyCommandHandler(IApplicationDbContext db, BlogDutyAccess access, TimeProvider time)
    : ICommandHandler<SwapBlogDutyCommand, BlogDutyDto>
{
    public async ValueTask<BlogDutyDto> Handle(SwapBlogDutyCommand command, CancellationToken cancellationToken)
    {
        await access.EnsureManagesAsync(command.LibraryId, cancellationToken);
        var rota = await access.RotaAsync(command.LibraryId, cancellationToken)
            ?? throw new Domain.Community.CommunityRuleException("The library has no blog-duty rota yet.");
        rota.Swap(command.WeekA!.Value, command.WeekB!.Value, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await access.ViewAsync(command.LibraryId, rota, cancellationToken);
    }
}
