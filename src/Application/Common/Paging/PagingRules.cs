using FluentValidation;

namespace EnSakITaget.Application.Common.Paging;

/// <summary>Include in the validator of every paged query.</summary>
public sealed class PagingRules : AbstractValidator<IPagedQuery>
{
    public const int MaxPageSize = 200;

    public PagingRules()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize);
    }
}
