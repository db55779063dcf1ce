using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Infrastructure.Identity;

namespace EnSakITaget.Api.IntegrationTests.Identity;

/// <summary>The scope a request acts in is fixed once, from who signed in and the endpoint's roles, and never changes.</summary>
public sealed class CallerScopeTests
{
    private static readonly Guid Municipality = Guid.NewGuid();
    private static readonly Guid Branch = Guid.NewGuid();
    private static readonly Guid OtherMunicipality = Guid.NewGuid();
    private static readonly Guid County = Guid.NewGuid();
    private static readonly Role[] StaffRoles = [Role.Administrator, Role.CountyAdmin, Role.Coordinator];

    private static readonly ScopedGrant Coordinator = new(Role.Coordinator, Municipality, new HashSet<Guid> { Municipality, Branch }, County);
    private static readonly ScopedGrant ParticipantElsewhere = new(Role.Participant, OtherMunicipality, new HashSet<Guid> { OtherMunicipality }, County);

    [Fact]
    public void The_scope_cannot_be_changed_after_it_is_fixed()
    {
        var caller = new CurrentUser();
        caller.SignIn(Guid.NewGuid(), "kim@test.local", "kim@test.local", [Coordinator, ParticipantElsewhere]);
        caller.FixScope(StaffRoles);

        Should.Throw<InvalidOperationException>(() => caller.FixScope(null));
        Should.Throw<InvalidOperationException>(caller.RunAsSystem);
        caller.SignInWithKey(Guid.NewGuid(), "intruder", new HashSet<Guid> { OtherMunicipality }, County);

        caller.Scope.ScopeLibraryIds.ShouldBe([Municipality, Branch], ignoreOrder: true);
        caller.ApiKeyId.ShouldBeNull();
    }

    [Fact]
    public void Until_the_scope_is_fixed_a_signed_in_caller_admits_nothing()
    {
        var caller = new CurrentUser();
        caller.SignIn(Guid.NewGuid(), "kim@test.local", "kim@test.local", [Coordinator]);

        caller.Scope.ShouldBeSameAs(CallerScope.Nobody);
        caller.IsUnrestricted.ShouldBeFalse();
        ((ILibraryScope)caller).LibraryIds.ShouldBeEmpty();
        caller.UserId.ShouldBeNull();
    }

    [Fact]
    public void A_coordinator_who_takes_part_in_another_municipality_acts_only_in_their_own_on_a_staff_endpoint()
    {
        var caller = new CurrentUser();
        var userId = Guid.NewGuid();
        caller.SignIn(userId, "kim@test.local", "kim@test.local", [Coordinator, ParticipantElsewhere]);

        caller.FixScope(StaffRoles);

        caller.Scope.ScopeLibraryIds.ShouldBe([Municipality, Branch], ignoreOrder: true);
        caller.Scope.ScopeCountyIds.ShouldBe([County]);
        caller.Grants.Count.ShouldBe(2, "every role the caller holds stays known; only the scope is narrowed");
        (caller.UserId, caller.Email).ShouldBe((userId, "kim@test.local"));
    }

    [Fact]
    public void On_an_endpoint_open_to_every_role_the_scope_is_made_of_every_grant()
    {
        var caller = new CurrentUser();
        caller.SignIn(Guid.NewGuid(), "kim@test.local", "kim@test.local", [Coordinator, ParticipantElsewhere]);

        caller.FixScope(endpointRoles: null);

        caller.Scope.ScopeLibraryIds.ShouldBe([Municipality, Branch, OtherMunicipality], ignoreOrder: true);
    }

    [Fact]
    public void An_administrator_s_scope_is_unrestricted()
    {
        var caller = new CurrentUser();
        caller.SignIn(Guid.NewGuid(), "admin@test.local", "admin@test.local", [new ScopedGrant(Role.Administrator, null, new HashSet<Guid>())]);

        caller.FixScope(StaffRoles);

        caller.IsUnrestricted.ShouldBeTrue();
        caller.Scope.ScopeLibraryIds.ShouldBeEmpty();
    }

    [Fact]
    public void An_integration_key_acts_in_its_subtree_whatever_the_endpoint_s_roles()
    {
        var caller = new CurrentUser();
        var keyId = Guid.NewGuid();
        caller.SignInWithKey(keyId, "Statistik", new HashSet<Guid> { Municipality, Branch }, County);

        caller.FixScope(StaffRoles);

        caller.ApiKeyId.ShouldBe(keyId);
        caller.Name.ShouldBe("API key Statistik");
        caller.IsUnrestricted.ShouldBeFalse();
        caller.Scope.ScopeLibraryIds.ShouldBe([Municipality, Branch], ignoreOrder: true);
        caller.Scope.ScopeCountyIds.ShouldBe([County]);
    }

    [Fact]
    public void A_caller_who_did_not_sign_in_acts_in_a_scope_that_admits_nothing()
    {
        var caller = new CurrentUser();

        caller.FixScope(StaffRoles);

        caller.Scope.ShouldBeSameAs(CallerScope.Nobody);
    }

    [Fact]
    public void Background_work_is_given_the_system_scope_explicitly_and_keeps_it()
    {
        var caller = CurrentUser.System();

        caller.IsUnrestricted.ShouldBeTrue();
        caller.Name.ShouldBe("system");
        Should.Throw<InvalidOperationException>(() => caller.FixScope(StaffRoles));
        caller.Scope.ShouldBeSameAs(CallerScope.System);
    }
}
