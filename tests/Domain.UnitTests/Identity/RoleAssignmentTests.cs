using EnSakITaget.Domain.Common;
using EnSakITaget.Domain.Identity;

namespace EnSakITaget.Domain.UnitTests.Identity;

public sealed class RoleAssignmentTests
{
    private static readonly Guid UserId = Guid.CreateVersion7();
    private static readonly Guid LibraryId = Guid.CreateVersion7();

    [Fact]
    public void An_administrator_is_bound_to_no_library()
    {
        var grant = RoleAssignment.Grant(UserId, Role.Administrator, library: null);

        grant.UserId.ShouldBe(UserId);
        grant.Role.ShouldBe(Role.Administrator);
        grant.LibraryId.ShouldBeNull();
    }

    [Theory]
    [InlineData(Role.CountyAdmin, LibraryLevel.County)]
    [InlineData(Role.Coordinator, LibraryLevel.Municipality)]
    [InlineData(Role.Participant, LibraryLevel.Municipality)]
    [InlineData(Role.Participant, LibraryLevel.Unit)]
    public void A_role_is_granted_at_the_level_it_acts_on(Role role, LibraryLevel level)
    {
        var grant = RoleAssignment.Grant(UserId, role, (LibraryId, level));

        grant.Role.ShouldBe(role);
        grant.LibraryId.ShouldBe(LibraryId);
        RoleAssignment.RequiredLevels(role).ShouldContain(level);
    }

    [Theory]
    [InlineData(Role.Administrator, LibraryLevel.County)]
    [InlineData(Role.CountyAdmin, LibraryLevel.Municipality)]
    [InlineData(Role.CountyAdmin, LibraryLevel.Unit)]
    [InlineData(Role.Coordinator, LibraryLevel.County)]
    [InlineData(Role.Coordinator, LibraryLevel.Unit)]
    [InlineData(Role.Participant, LibraryLevel.County)]
    public void A_role_bound_to_a_library_of_the_wrong_level_is_refused(Role role, LibraryLevel level)
    {
        var refusal = Should.Throw<AccessRuleException>(() => RoleAssignment.Grant(UserId, role, (LibraryId, level)));

        refusal.ShouldBeAssignableTo<DomainRuleViolationException>();
        refusal.Message.ShouldContain(role.ToString());
    }

    [Theory]
    [InlineData(Role.CountyAdmin)]
    [InlineData(Role.Coordinator)]
    [InlineData(Role.Participant)]
    public void Every_role_but_administrator_must_be_bound_to_a_library(Role role) =>
        Should.Throw<AccessRuleException>(() => RoleAssignment.Grant(UserId, role, library: null))
            .Message.ShouldContain("must be bound to a library");

    [Fact]
    public void The_levels_each_role_acts_on()
    {
        RoleAssignment.RequiredLevels(Role.Administrator).ShouldBeEmpty();
        RoleAssignment.RequiredLevels(Role.CountyAdmin).ShouldBe([LibraryLevel.County]);
        RoleAssignment.RequiredLevels(Role.Coordinator).ShouldBe([LibraryLevel.Municipality]);
        RoleAssignment.RequiredLevels(Role.Participant).ShouldBe([LibraryLevel.Municipality, LibraryLevel.Unit], ignoreOrder: true);
    }

    [Fact]
    public void Each_role_grants_only_roles_at_or_below_its_own()
    {
        RoleAssignment.GrantableBy(Role.Administrator)
            .ShouldBe([Role.Administrator, Role.CountyAdmin, Role.Coordinator, Role.Participant], ignoreOrder: true);
        RoleAssignment.GrantableBy(Role.CountyAdmin).ShouldBe([Role.CountyAdmin, Role.Coordinator, Role.Participant], ignoreOrder: true);
        RoleAssignment.GrantableBy(Role.Coordinator).ShouldBe([Role.Participant]);
        RoleAssignment.GrantableBy(Role.Participant).ShouldBeEmpty();
    }
}
