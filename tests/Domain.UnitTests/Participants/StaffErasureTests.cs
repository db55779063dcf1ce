using EnSakITaget.Domain.Participants;

namespace EnSakITaget.Domain.UnitTests.Participants;

/// <summary>Who counts as erased: one rule, the same in memory and in the database's query.</summary>
public sealed class StaffErasureTests
{
    private static readonly DateTimeOffset Now = new(2010, 5, 3, 9, 0, 0, TimeSpan.FromHours(2));
    private static readonly Func<StaffMember, bool> NotErasedInQuery = StaffMember.NotErased.Compile();

    private static StaffMember Member(string email) =>
        StaffMember.Register(new StaffDetails("Anna Ek", email, Guid.CreateVersion7(), "Bibliotekarie", IsManager: false), Now.AddYears(-1));

    [Fact]
    public void An_erased_member_is_erased_by_the_property_the_address_test_and_the_query_s_predicate_alike()
    {
        var anna = Member("anna.ek@varnamo.example.se");

        anna.Erase(Now);

        (anna.IsErased, StaffMember.IsErasedEmail(anna.Email), NotErasedInQuery(anna)).ShouldBe((true, true, false));
        anna.Name.ShouldBe(StaffMember.ErasedName);
    }

    [Theory]
    [InlineData("anna.ek@varnamo.example.se")]
    [InlineData("raderad.invalid@varnamo.example.se")]
    [InlineData("anna@raderad.invalid.example.se")]
    public void A_member_whose_address_only_resembles_the_placeholder_is_not_erased(string email)
    {
        var anna = Member(email);

        (anna.IsErased, StaffMember.IsErasedEmail(anna.Email), NotErasedInQuery(anna)).ShouldBe((false, false, true));
    }
}
