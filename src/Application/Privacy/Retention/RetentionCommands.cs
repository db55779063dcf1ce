using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Domain.Libraries;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Privacy.Retention;

/// <param name="CountyId">The county.</param>
/// <param name="Months">How many months after a round closes its reflections and named survey answers are kept.</param>
/// <param name="IsDefault">Whether the county has not chosen, and the default applies.</param>
public sealed record RetentionDto(Guid CountyId, int Months, bool IsDefault);

public record RetentionInput
{
    /// <summary>Months after a round closes; null returns to the default (24).</summary>
    public int? Months { get; init; }
}

public sealed record GetRetentionQuery(Guid CountyId) : IQuery<RetentionDto>;

public sealed record SetRetentionCommand : RetentionInput, ICommand<RetentionDto>
{
    public SetRetentionCommand(Guid countyId, RetentionInput? input)
        : base(input ?? new RetentionInput())
    {
        CountyId = countyId;
    }

    public Guid CountyId { get; }
}

internal sealed class SetRetentionCommandValidator : AbstractValidator<SetRetentionCommand>
{
    /// <summary>Ten years: longer is keeping for its own sake.</summary>
    public const int MaxMonths = 120;

    public SetRetentionCommandValidator() => RuleFor(c => c.Months).InclusiveBetween(1, MaxMonths);
}

internal sealed class GetRetentionQueryHandler(IApplicationDbContext db) : IQueryHandler<GetRetentionQuery, RetentionDto>
{
    public async ValueTask<RetentionDto> Handle(GetRetentionQuery query, CancellationToken cancellationToken) =>
        (await db.LoadCountyAsync(query.CountyId, cancellationToken)).ToRetentionDto();
}

internal sealed class SetRetentionCommandHandler(IApplicationDbContext db, TimeProvider time) : ICommandHandler<SetRetentionCommand, RetentionDto>
{
    public async ValueTask<RetentionDto> Handle(SetRetentionCommand command, CancellationToken cancellationToken)
    {
        var county = await db.LoadCountyAsync(command.CountyId, cancellationToken, tracked: true);
        county.SetRetention(command.Months, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return county.ToRetentionDto();
    }
}

internal static class RetentionReads
{
    public static async Task<LibraryNode> LoadCountyAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken, bool tracked = false)
    {
        var nodes = tracked ? db.Libraries : db.Libraries.AsNoTracking();
        var node = await nodes.FirstOrDefaultAsync(n => n.Id == id, cancellationToken) ?? throw new NotFoundException("Library", id);
        return node.Type == LibraryNodeType.County
            ? node
            : throw new NotFoundException($"Library {id} is a {node.Type}, not a county: a retention is set by the county, for all its municipalities.");
    }

    public static RetentionDto ToRetentionDto(this LibraryNode county) => new(county.Id, county.KeepsPersonalDataForMonths, county.RetentionMonths is null);
}
