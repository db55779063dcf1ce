using EnSakITaget.Application.Libraries;
using EnSakITaget.Application.Libraries.CreateLibrary;
using EnSakITaget.Domain.Libraries;

namespace EnSakITaget.Application.UnitTests.Libraries;

public sealed class LibraryInputValidatorTests
{
    private static readonly Guid ParentId = Guid.NewGuid();
    private readonly CreateLibraryCommandValidator validator = new();

    private static CreateLibraryCommand Command(LibraryInput input) => new(input);

    [Fact]
    public void A_well_formed_county_municipality_and_unit_pass()
    {
        validator.Validate(Command(new() { Type = LibraryNodeType.County, Name = "Jönköpings län", CountyCode = "06" })).IsValid.ShouldBeTrue();
        validator.Validate(Command(new() { Type = LibraryNodeType.Municipality, Name = "Värnamo", ParentId = ParentId, MunicipalityCode = "0683" })).IsValid.ShouldBeTrue();
        validator.Validate(Command(new() { Type = LibraryNodeType.Bookmobile, Name = "Bokbussen", ParentId = ParentId, StaffCount = 0 })).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("683")]
    [InlineData("06833")]
    [InlineData("06a3")]
    [InlineData("")]
    [InlineData(null)]
    public void A_municipality_code_is_exactly_four_digits(string? code)
    {
        var result = validator.Validate(Command(new() { Type = LibraryNodeType.Municipality, Name = "Värnamo", ParentId = ParentId, MunicipalityCode = code }));

        result.Errors.ShouldContain(e => e.PropertyName == nameof(LibraryInput.MunicipalityCode));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_name_must_not_be_empty_or_blank(string? name)
    {
        var result = validator.Validate(Command(new() { Type = LibraryNodeType.County, Name = name, CountyCode = "06" }));

        result.Errors.ShouldContain(e => e.PropertyName == nameof(LibraryInput.Name));
    }

    [Fact]
    public void A_name_of_two_hundred_characters_passes_and_one_more_does_not()
    {
        validator.Validate(Command(new() { Type = LibraryNodeType.County, Name = new string('å', 200), CountyCode = "06" })).IsValid.ShouldBeTrue();
        validator.Validate(Command(new() { Type = LibraryNodeType.County, Name = new string('å', 201), CountyCode = "06" })).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void Codes_and_staff_counts_belong_only_to_their_own_kind_of_node()
    {
        var result = validator.Validate(Command(new()
        {
            Type = LibraryNodeType.Branch, Name = "Bor", ParentId = ParentId, StaffCount = 2, CountyCode = "06", MunicipalityCode = "0683",
        }));

        result.Errors.Select(e => e.PropertyName).ShouldBe([nameof(LibraryInput.CountyCode), nameof(LibraryInput.MunicipalityCode)], ignoreOrder: true);
    }
}
