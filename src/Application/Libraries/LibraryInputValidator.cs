using EnSakITaget.Domain.Libraries;
using FluentValidation;

namespace EnSakITaget.Application.Libraries;

/// <summary>The shape of a library node; where it may stand in the tree is the node's own rule.</summary>
public abstract class LibraryInputValidator<T> : AbstractValidator<T>
    where T : LibraryInput
{
    public const int MaxNameLength = 200;
    public const int MaxStaffCount = 10_000;

    private const string CountyCodeShape = "'County Code' must be two digits, e.g. 06.";
    private const string MunicipalityCodeShape = "'Municipality Code' must be four digits, e.g. 0683.";

    protected LibraryInputValidator()
    {
        RuleFor(x => x.Type).NotNull().IsInEnum();
        RuleFor(x => x.Name)
            .NotEmpty()
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("'Name' must not be blank.")
            .MaximumLength(MaxNameLength);
        RuleFor(x => x.CountyCode).Cascade(CascadeMode.Stop)
            .MaximumLength(2).WithMessage(CountyCodeShape)
            .Matches("^[0-9]{2}$").WithMessage(CountyCodeShape);
        RuleFor(x => x.MunicipalityCode).Cascade(CascadeMode.Stop)
            .MaximumLength(4).WithMessage(MunicipalityCodeShape)
            .Matches("^[0-9]{4}$").WithMessage(MunicipalityCodeShape);
        RuleFor(x => x.StaffCount).InclusiveBetween(0, MaxStaffCount);

        When(x => x.Type == LibraryNodeType.County, () =>
        {
            RuleFor(x => x.CountyCode).NotEmpty().WithMessage(CountyCodeShape);
            RuleFor(x => x.ParentId).Null().WithMessage("A county is the root of its tree and has no parent.");
        });
        When(x => x.Type != LibraryNodeType.County, () =>
        {
            RuleFor(x => x.CountyCode).Null().WithMessage("Only a county has a county code.");
            RuleFor(x => x.ParentId).NotEmpty().WithMessage(x => $"A {x.Type} must name its parent.");
        });

        When(x => x.Type == LibraryNodeType.Municipality, () =>
            RuleFor(x => x.MunicipalityCode).NotEmpty().WithMessage(MunicipalityCodeShape));
        When(x => x.Type != LibraryNodeType.Municipality, () =>
            RuleFor(x => x.MunicipalityCode).Null().WithMessage("Only a municipality has a municipality code."));

        When(x => x.Type is { } type && type.IsUnit(), () =>
            RuleFor(x => x.StaffCount).NotNull());
        When(x => x.Type is { } type && !type.IsUnit(), () =>
            RuleFor(x => x.StaffCount).Null().WithMessage("Only a library unit has a staff count; counties and municipalities add up their units."));
    }
}
