namespace EnSakITaget.Application.Feedback;

/// <summary>How survey summaries protect the respondents (section <c>Feedback</c>).</summary>
public sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";

    /// <summary>In an anonymous survey, no figure or answer is shown for fewer respondents than this.</summary>
    public int MinimumGroupSize { get; set; } = 3;

    /// <summary>Those who have not answered the survey this many days after it opened to them are reminded, once.</summary>
    public int SurveyReminderDays { get; set; } = 7;
}
