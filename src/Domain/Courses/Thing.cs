namespace EnSakITaget.Domain.Courses;

/// <summary>What one thing of a course says: a lesson with an exercise, and what the participant reports on it.</summary>
public sealed record ThingContent(string Title, string Instructions, IReadOnlyList<string> Links, int EstimatedMinutes, string ReportPrompt);

/// <summary>A thing of a course template; its place in the course is its position in the list.</summary>
public sealed class CourseThing
{
    private CourseThing()
    {
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = string.Empty;

    /// <summary>Markdown.</summary>
    public string Instructions { get; private set; } = string.Empty;

    public IReadOnlyList<string> Links { get; private set; } = [];
    public int EstimatedMinutes { get; private set; }

    /// <summary>What the participant should report, e.g. "Write a blog post about …".</summary>
    public string ReportPrompt { get; private set; } = string.Empty;

    public ThingContent Content => new(Title, Instructions, Links, EstimatedMinutes, ReportPrompt);

    internal static CourseThing Create(Guid id, ThingContent content)
    {
        var thing = new CourseThing { Id = id };
        thing.Change(content);
        return thing;
    }

    internal void Change(ThingContent content)
    {
        Title = content.Title;
        Instructions = content.Instructions;
        Links = [.. content.Links];
        EstimatedMinutes = content.EstimatedMinutes;
        ReportPrompt = content.ReportPrompt;
    }
}
