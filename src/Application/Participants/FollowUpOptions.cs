namespace EnSakITaget.Application.Participants;

/// <summary>How the coordinator's follow-up behaves (section <c>Participants</c>).</summary>
public sealed class FollowUpOptions
{
    public const string SectionName = "Participants";

    /// <summary>A participant is nudged at most once within this many days.</summary>
    public int NudgeIntervalDays { get; set; } = 7;

    /// <summary>The laggards list's default: behind the latest released thing by at least this many things.</summary>
    public int LaggardBehindBy { get; set; } = 2;

    /// <summary>The laggards list's default: no start or report for at least this many days.</summary>
    public int LaggardInactiveDays { get; set; } = 14;

    /// <summary>How many days before a round's deadline those not done are reminded of it.</summary>
    public int DeadlineReminderDays { get; set; } = 7;

    /// <summary>The day of the week the coordinators' digest of each round goes out.</summary>
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    /// <summary>How often the notice scheduler looks for letters to queue (releases, deadlines, surveys, digests).</summary>
    public int NoticeCheckSeconds { get; set; } = 60;
}
