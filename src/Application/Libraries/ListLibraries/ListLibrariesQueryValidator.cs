using EnSakITaget.Application.Common.Paging;
using FluentValidation;

namespace EnSakITaget.Application.Libraries.ListLibraries;

internal sealed class ListLibrariesQueryValidator : AbstractValidator<ListLibrariesQuery>
{
    public ListLibrariesQueryValidator()
    {
        Include(new PagingRules());
        RuleFor(q => q.Type).IsInEnum();
    }
}
