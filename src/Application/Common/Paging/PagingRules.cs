using FluentValidation;

namespace EnSakITaget.Application.Common.Paging;

/// <summary>Include in the validator of every paged query.</summary>
internal sealed class PagingRules : AbstractValidator<IPagedQuery>
{
    public const int MaxPageSize = 200;

    /// <summary>Far beyond any real list, and low enough that the offset never overflows.</summary>
    public const int MaxPage = 1_000_000;

    public PagingRules()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize);
    }
}
