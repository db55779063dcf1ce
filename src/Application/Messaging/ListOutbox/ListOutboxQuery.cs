using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Domain.Messaging;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Messaging.ListOutbox;

/// <param name="State">Only messages in this state, e.g. <c>Failed</c>.</param>
/// <param name="Page">Which page, newest first.</param>
/// <param name="PageSize">How many a page.</param>
public sealed record ListOutboxQuery(OutboxState? State = null, int Page = 1, int PageSize = PagingDefaults.PageSize)
    : IQuery<PagedList<OutboxMessageDto>>, IPagedQuery;

internal sealed class ListOutboxQueryValidator : AbstractValidator<ListOutboxQuery>
{
    public ListOutboxQueryValidator()
    {
        Include(new PagingRules());
        RuleFor(q => q.State).IsInEnum();
    }
}

internal sealed class ListOutboxQueryHandler(IApplicationDbContext db, ICurrentUser caller) : IQueryHandler<ListOutboxQuery, PagedList<OutboxMessageDto>>
{
    public async ValueTask<PagedList<OutboxMessageDto>> Handle(ListOutboxQuery query, CancellationToken cancellationToken)
    {
        caller.EnsureAdministrator();
        var messages = db.OutboxMessages.AsQueryable();
        if (query.State is { } state)
        {
            messages = messages.Where(m => m.State == state);
        }

        // Ids are version 7 GUIDs: newest first, on both providers.
        var page = await messages.OrderByDescending(m => m.Id).ToPagedListAsync(query, cancellationToken);
        return new PagedList<OutboxMessageDto>([.. page.Items.Select(OutboxMessageDto.From)], page.Page, page.PageSize, page.TotalCount);
    }
}
