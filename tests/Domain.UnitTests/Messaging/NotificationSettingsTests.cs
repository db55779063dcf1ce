using EnSakITaget.Domain.Messaging;

namespace EnSakITaget.Domain.UnitTests.Messaging;

/// <summary>A person's choices of e-mail, against a kind whose default is weekly (a digest).</summary>
public sealed class NotificationSettingsTests
{
    private const string Digest = "RoundBlogWeek";
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly IReadOnlySet<string> WeeklyByDefault = new HashSet<string>(StringComparer.Ordinal) { Digest };

    [Fact]
    public void A_kind_not_chosen_has_its_default_and_at_once_chosen_for_a_weekly_digest_is_kept_even_through_an_unsubscribe()
    {
        var settings = NotificationSettings.For("Anna.Ahl@Bibliotek.example.se", Now);
        settings.ChoiceFor(Digest, NotificationChoice.Weekly).ShouldBe(NotificationChoice.Weekly);

        settings.Choose(null, new Dictionary<string, NotificationChoice> { [Digest] = NotificationChoice.AtOnce, ["Nudge"] = NotificationChoice.AtOnce }, Now, WeeklyByDefault);
        settings.TurnOff(["ThingReleased"], Now);

        settings.ChoiceFor(Digest, NotificationChoice.Weekly).ShouldBe(NotificationChoice.AtOnce);
        settings.ChoiceFor("ThingReleased").ShouldBe(NotificationChoice.Off);
        settings.Choices.ShouldBe("RoundBlogWeek=AtOnce;ThingReleased=Off", "an at-once of a kind that is at once by default is not kept");
    }
}
