using AutoMapper;
using EnSakITaget.Application.Libraries;
using EnSakITaget.Domain.Libraries;

namespace EnSakITaget.Application.UnitTests.Libraries;

public sealed class LibraryMappingProfileTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    private readonly MapperConfiguration configuration =
        new(cfg => cfg.AddProfile<LibraryMappingProfile>());

    [Fact]
    public void The_mapping_configuration_is_valid() => configuration.AssertConfigurationIsValid();

    [Fact]
    public void A_municipality_maps_its_code_to_the_municipality_code_only()
    {
        var county = LibraryNode.Create(new(LibraryNodeType.County, "Jönköpings län", "06"), null, Now);
        var municipality = LibraryNode.Create(new(LibraryNodeType.Municipality, "Värnamo", "0683"), county, Now);

        var dto = configuration.CreateMapper().Map<LibraryDto>(municipality);

        dto.MunicipalityCode.ShouldBe("0683");
        dto.CountyCode.ShouldBeNull();
        dto.ParentId.ShouldBe(county.Id);
    }

    /// <summary>GHSA-rvv3-g6hj-g44x: AutoMapper 14 recurses without bound on self-referential maps unless MaxDepth is set.</summary>
    [Fact]
    public void A_very_deep_tree_maps_without_a_crash_and_is_cut_at_the_maximum_depth()
    {
        var county = LibraryNode.Create(new(LibraryNodeType.County, "Län", "06"), null, Now);
        var tree = new LibraryTree(county, []);
        for (var depth = 0; depth < 100_000; depth++)
        {
            tree = new LibraryTree(county, [tree]);
        }

        var dto = configuration.CreateMapper().Map<LibraryTreeDto>(tree);

        var mappedDepth = 0;
        for (var node = dto; node.Children.Count > 0; node = node.Children[0])
        {
            mappedDepth++;
        }

        mappedDepth.ShouldBeLessThanOrEqualTo(LibraryMappingProfile.MaxTreeDepth);
    }

    [Fact]
    public void A_tree_adds_up_the_staff_of_its_units()
    {
        var county = LibraryNode.Create(new(LibraryNodeType.County, "Län", "06"), null, Now);
        var municipality = LibraryNode.Create(new(LibraryNodeType.Municipality, "Värnamo", "0683"), county, Now);
        var units = new[] { 11, 2, 1 }.Select(staff => LibraryNode.Create(new(LibraryNodeType.Branch, $"Filial {staff}", StaffCount: staff), municipality, Now));

        var dto = configuration.CreateMapper().Map<LibraryTreeDto>(LibraryTree.Assemble(county, [municipality, .. units]));

        dto.TotalStaffCount.ShouldBe(14);
        dto.Children.ShouldHaveSingleItem().Children.Count.ShouldBe(3);
    }
}
