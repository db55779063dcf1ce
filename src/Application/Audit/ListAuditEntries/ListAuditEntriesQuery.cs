using System.Text.Json;
using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Domain.Audit;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Audit.ListAuditEntries;

/// <param name="EntityType">Only changes to this kind of thing, e.g. <c>LibraryNode</c>.</param>
/// <param name="EntityId">Only changes to this one.</param>
/// <param name="Page">Which page, newest first.</param>
/// <param name="PageSize">How many a page.</param>
/// <param name="Actor">Only changes by someone whose recorded name (their e-mail) contains this, in any case.</param>
/// <param name="From">Only changes on or after this day (UTC).</param>
/// <param name="To">Only changes on or before this day (UTC).</param>
public sealed record ListAuditEntriesQuery(
    string? EntityType = null, string? EntityId = null, int Page = 1, int PageSize = PagingDefaults.PageSize,
    string? Actor = null, DateOnly? From = null, DateOnly? To = null)
    : IQuery<PagedList<AuditEntryDto>>, IPagedQuery;

/// <param name="Changes">The fields written: all of them on a create or delete, <c>{ "from", "to" }</c> pairs on an update.</param>
public sealed record AuditEntryDto(
    long Id, DateTimeOffset OccurredAt, Guid? ActorId, string ActorName, AuditAction Action,
    string EntityType, string EntityId, Guid? LibraryId, JsonElement Changes);

internal sealed class ListAuditEntriesQueryValidator : AbstractValidator<ListAuditEntriesQuery>
{
    public ListAuditEntriesQueryValidator()
    {
        Include(new PagingRules());
        RuleFor(q => q.EntityType).MaximumLength(100);
        RuleFor(q => q.EntityId).MaximumLength(100);
        RuleFor(q => q.Actor).MaximumLength(Limits.Email);
        RuleFor(q => q.From)
            .LessThanOrEqualTo(q => q.To!.Value).When(q => q.To is not null)
            .WithMessage("'From' must be on or before 'To'.");
    }
}

internal sealed class ListAuditEntriesQueryHandler(IApplicationDbContext db) : IQueryHandler<ListAuditEntriesQuery, PagedList<AuditEntryDto>>
{
    public async ValueTask<PagedList<AuditEntryDto>> Handle(ListAuditEntriesQuery query, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsQueryable();
        if (query.EntityType is { } type)
        {
            entries = entries.Where(e => e.EntityType == type);
        }

        if (query.EntityId is { } id)
        {
            entries = entries.Where(e => e.EntityId == id);
        }

        if (query.Actor is { Length: > 0 } actor)
        {
            var lowered = actor.ToLowerInvariant();
            entries = entries.Where(e => e.ActorName.ToLower().Contains(lowered));
        }

        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.OccurredAt >= start);
        }

        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.OccurredAt < end);
        }

        var page = await entries.OrderByDescending(e => e.Id).ToPagedListAsync(query, cancellationToken);
        return new PagedList<AuditEntryDto>(
            [.. page.Items.Select(e => new AuditEntryDto(
                e.Id, e.OccurredAt, e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.LibraryId,
                JsonDocument.Parse(e.Changes).RootElement.Clone()))],
            page.Page, page.PageSize, page.TotalCount);
    }
}
