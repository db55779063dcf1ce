using EnSakITaget.Domain.Libraries;

namespace EnSakITaget.Domain.UnitTests.Libraries;

public sealed class LibraryNodeTests
{
    private static readonly DateTimeOffset Now = new(2010, 2, 23, 9, 0, 0, TimeSpan.FromHours(1));

    private static LibraryNode County(string code = "06") => LibraryNode.Create(new(LibraryNodeType.County, "Jönköpings län", code), null, Now);

    private static LibraryNode Municipality(LibraryNode county, string code = "0683") =>
        LibraryNode.Create(new(LibraryNodeType.Municipality, "Värnamo", code), county, Now);

    private static LibraryNode Branch(LibraryNode municipality) =>
        LibraryNode.Create(new(LibraryNodeType.Branch, "Bor", StaffCount: 2), municipality, Now);

    [Fact]
    public void A_county_is_a_root_with_its_code()
    {
        var county = County();

        county.ParentId.ShouldBeNull();
        county.Code.ShouldBe("06");
        county.StaffCount.ShouldBeNull();
        county.CreatedAt.ShouldBe(Now);
    }

    [Fact]
    public void A_unit_under_a_municipality_keeps_its_staff_count_and_no_code()
    {
        var branch = LibraryNode.Create(new(LibraryNodeType.Branch, "Bor", Code: "0683", StaffCount: 2), Municipality(County()), Now);

        branch.StaffCount.ShouldBe(2);
        branch.Code.ShouldBeNull();
    }

    [Theory]
    [InlineData(LibraryNodeType.Branch)]
    [InlineData(LibraryNodeType.MainLibrary)]
    [InlineData(LibraryNodeType.Bookmobile)]
    public void A_unit_directly_under_a_county_is_refused(LibraryNodeType unitType)
    {
        Should.Throw<LibraryTreeRuleException>(() => LibraryNode.Create(new(unitType, "Filial", StaffCount: 1), County(), Now))
            .Message.ShouldContain("must be placed under a Municipality");
    }

    [Fact]
    public void A_municipality_under_another_municipality_is_refused()
    {
        var county = County();

        Should.Throw<LibraryTreeRuleException>(() => Municipality(Municipality(county), "0617"));
    }

    [Fact]
    public void A_county_under_anything_is_refused()
    {
        Should.Throw<LibraryTreeRuleException>(() => LibraryNode.Create(new(LibraryNodeType.County, "Län", "07"), County(), Now));
    }

    [Fact]
    public void A_municipality_without_a_parent_is_refused()
    {
        Should.Throw<LibraryTreeRuleException>(() => LibraryNode.Create(new(LibraryNodeType.Municipality, "Värnamo", "0683"), null, Now));
    }

    [Fact]
    public void A_municipality_code_must_start_with_its_county_code()
    {
        Should.Throw<LibraryTreeRuleException>(() => Municipality(County("06"), "0780"))
            .Message.ShouldContain("does not belong to county 06");
    }

    [Fact]
    public void A_node_cannot_be_placed_under_itself()
    {
        var municipality = Municipality(County());

        Should.Throw<LibraryTreeRuleException>(() =>
                municipality.Update(new(LibraryNodeType.Municipality, "Värnamo", "0683"), municipality, [], Now))
            .Message.ShouldContain("under itself");
    }

    [Fact]
    public void A_node_cannot_be_placed_under_one_of_its_descendants()
    {
        var county = County();
        var municipality = Municipality(county);

        Should.Throw<LibraryTreeRuleException>(() =>
                municipality.Update(new(LibraryNodeType.Municipality, "Värnamo", "0683"), county, ancestorIdsOfParent: [municipality.Id], Now))
            .Message.ShouldContain("descendants");
    }

    [Fact]
    public void A_unit_may_change_to_another_kind_of_unit_and_move()
    {
        var county = County();
        var branch = Branch(Municipality(county));
        var gnosjo = Municipality(county, "0617");
        var later = Now.AddDays(30);

        branch.Update(new(LibraryNodeType.MainLibrary, "Gnosjö bibliotek", StaffCount: 4), gnosjo, [county.Id], later);

        branch.Type.ShouldBe(LibraryNodeType.MainLibrary);
        branch.ParentId.ShouldBe(gnosjo.Id);
        branch.UpdatedAt.ShouldBe(later);
        branch.CreatedAt.ShouldBe(Now);
    }

    [Theory]
    [InlineData(LibraryNodeType.Municipality, LibraryNodeType.Branch)]
    [InlineData(LibraryNodeType.Branch, LibraryNodeType.Municipality)]
    public void Only_units_change_type(LibraryNodeType from, LibraryNodeType to)
    {
        var county = County();
        var municipality = Municipality(county);
        var node = from == LibraryNodeType.Municipality ? Municipality(county, "0617") : Branch(municipality);
        var parent = to == LibraryNodeType.Municipality ? county : municipality;

        Should.Throw<LibraryTreeRuleException>(() => node.Update(new(to, "Ny", "0684", 1), parent, [], Now));
    }
}
