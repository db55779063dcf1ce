namespace EnSakITaget.Application.Feedback;

/// <summary>How survey summaries protect the respondents (section <c>Feedback</c>).</summary>
public sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";

    /// <summary>In an anonymous survey, no figure or answer is shown for fewer respondents than this.</summary>
    public int MinimumGroupSize { get; set; } = 3;
}
