namespace EnSakITaget.Application.Statistics;

/// <summary>Section <c>Statistics</c>.</summary>
public sealed class StatisticsOptions
{
    public const string SectionName = "Statistics";

    /// <summary>For integration keys, a count of fewer people than this (but more than none) is suppressed.</summary>
    public int MinimumGroupSize { get; set; } = 5;
}
