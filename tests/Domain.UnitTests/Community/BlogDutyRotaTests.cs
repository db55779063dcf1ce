using EnSakITaget.Domain.Community;

namespace EnSakITaget.Domain.UnitTests.Community;

/// <summary>The blog-duty rota: volunteers take turns week by week from a Monday, pause weeks skipped, weeks swapped.</summary>
public sealed class BlogDutyRotaTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 1, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly Guid Anna = Guid.CreateVersion7();
    private static readonly Guid Bo = Guid.CreateVersion7();
    private static readonly Guid Cecilia = Guid.CreateVersion7();

    [Fact]
    public void Volunteers_take_turns_from_the_monday_of_the_start_skipping_pause_weeks()
    {
        var rota = BlogDutyRota.For(Guid.CreateVersion7(), Now);

        // Wednesday 6 January 2027; the week of 18 January is a pause.
        rota.Generate([Anna, Bo, Cecilia], new DateOnly(2027, 1, 6), 4, [new DateOnly(2027, 1, 20)], Now);

        rota.Weeks.Select(w => (w.WeekOf, w.StaffMemberId)).ShouldBe(
        [
            (new DateOnly(2027, 1, 4), (Guid?)Anna),
            (new DateOnly(2027, 1, 11), Bo),
            (new DateOnly(2027, 1, 25), Cecilia),
            (new DateOnly(2027, 2, 1), Anna),
        ]);
    }

    [Fact]
    public void Two_weeks_swap_their_people()
    {
        var rota = BlogDutyRota.For(Guid.CreateVersion7(), Now);
        rota.Generate([Anna, Bo], new DateOnly(2027, 1, 4), 2, [], Now);

        rota.Swap(new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 13), Now);

        rota.OnDuty(new DateOnly(2027, 1, 5))!.StaffMemberId.ShouldBe(Bo);
        rota.OnDuty(new DateOnly(2027, 1, 11))!.StaffMemberId.ShouldBe(Anna);
    }

    [Fact]
    public void A_swap_with_a_week_not_in_the_rota_is_refused()
    {
        var rota = BlogDutyRota.For(Guid.CreateVersion7(), Now);
        rota.Generate([Anna], new DateOnly(2027, 1, 4), 1, [], Now);

        Should.Throw<CommunityRuleException>(() => rota.Swap(new DateOnly(2027, 1, 4), new DateOnly(2028, 1, 3), Now));
    }

    [Fact]
    public void A_volunteer_listed_twice_is_refused()
    {
        var rota = BlogDutyRota.For(Guid.CreateVersion7(), Now);

        Should.Throw<CommunityRuleException>(() => rota.Generate([Anna, Anna], new DateOnly(2027, 1, 4), 2, [], Now));
    }

    [Fact]
    public void An_erased_volunteer_leaves_their_weeks_empty()
    {
        var rota = BlogDutyRota.For(Guid.CreateVersion7(), Now);
        rota.Generate([Anna, Bo], new DateOnly(2027, 1, 4), 4, [], Now);

        rota.Erase(Anna, Now).ShouldBe(2);

        rota.Weeks.Select(w => w.StaffMemberId).ShouldBe([null, Bo, null, Bo]);
    }
}
