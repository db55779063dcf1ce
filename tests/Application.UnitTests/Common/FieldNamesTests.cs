using EnSakITaget.Application.Common;

namespace EnSakITaget.Application.UnitTests.Common;

public sealed class FieldNamesTests
{
    [Theory]
    [InlineData("Name", "name")]
    [InlineData("MunicipalityCode", "municipalityCode")]
    [InlineData("Things[0].Title", "things[0].title")]
    [InlineData("staffCount", "staffCount")]
    public void Property_paths_become_the_camel_case_paths_clients_send(string property, string expected) =>
        FieldNames.ToJsonPath(property).ShouldBe(expected);
}
