using EnSakITaget.Domain.Common;

namespace EnSakITaget.Domain.Courses;

public enum CourseStatus
{
    Draft,
    Published,
}

/// <summary>
/// A course template owned by a county: an ordered list of things. Publishing freezes the
/// current content as a <see cref="CourseVersion"/>; changing a published course starts the
/// next version as a draft, so published versions, and the rounds made from them, never change.
/// </summary>
public sealed class Course : IAudited
{
    private Course()
    {
    }

    public Guid Id { get; private set; }
    public Guid CountyId { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string Description { get; private set; } = string.Empty;

    /// <summary>An IETF language tag: "sv", "en".</summary>
    public string Language { get; private set; } = "sv";

    /// <summary>The version the content is, or will be once published.</summary>
    public int Version { get; private set; }

    public CourseStatus Status { get; private set; }

    /// <summary>The latest published version, if any: what new rounds are made from.</summary>
    public int? PublishedVersion { get; private set; }

    public List<CourseThing> Things { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Changes with every change: of two edits made at once, only the first saves.</summary>
    public int Revision { get; private set; }

    Guid? IAudited.AuditLibraryId => CountyId;

    public static Course Create(Guid countyId, string title, string description, string language, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CountyId = countyId,
        Title = title,
        Description = description,
        Language = language,
        Version = 1,
        Status = CourseStatus.Draft,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void Describe(string title, string description, string language, DateTimeOffset now)
    {
        StartEditing(now);
        Title = title;
        Description = description;
        Language = language;
    }

    /// <param name="content">What the thing says.</param>
    /// <param name="position">1-based place among the things; null puts it last.</param>
    /// <param name="now">When.</param>
    public CourseThing AddThing(ThingContent content, int? position, DateTimeOffset now)
    {
        var index = IndexFor(position, Things.Count + 1);
        StartEditing(now);
        var thing = CourseThing.Create(Guid.CreateVersion7(now), content);
        Things.Insert(index, thing);
        return thing;
    }

    /// <param name="thingId">The thing.</param>
    /// <param name="content">What it should say.</param>
    /// <param name="position">Its new 1-based place; null keeps it where it is.</param>
    /// <param name="now">When.</param>
    public CourseThing ChangeThing(Guid thingId, ThingContent content, int? position, DateTimeOffset now)
    {
        var thing = Find(thingId);
        int? index = position is null ? null : IndexFor(position, Things.Count);
        StartEditing(now);
        thing.Change(content);
        if (index is { } newIndex)
        {
            Things.Remove(thing);
            Things.Insert(newIndex, thing);
        }

        return thing;
    }

    public void RemoveThing(Guid thingId, DateTimeOffset now)
    {
        var thing = Find(thingId);
        StartEditing(now);
        Things.Remove(thing);
    }

    public int PositionOf(Guid thingId) => Things.FindIndex(t => t.Id == thingId) + 1;

    public CourseVersion Publish(DateTimeOffset now)
    {
        if (Status == CourseStatus.Published)
        {
            throw new CourseRuleException($"Version {Version} is already published; change the course to start the next version.");
        }

        if (Things.Count == 0)
        {
            throw new CourseRuleException("A course without things cannot be published.");
        }

        Status = CourseStatus.Published;
        PublishedVersion = Version;
        UpdatedAt = now;
        Revision++;
        return CourseVersion.Freeze(this, now);
    }

    private void StartEditing(DateTimeOffset now)
    {
        if (Status == CourseStatus.Published)
        {
            Version++;
            Status = CourseStatus.Draft;
        }

        UpdatedAt = now;
        Revision++;
    }

    private CourseThing Find(Guid thingId) =>
        Things.FirstOrDefault(t => t.Id == thingId) ?? throw new ThingNotFoundException(thingId);

    private static int IndexFor(int? position, int maxPosition)
    {
        if (position is { } p && (p < 1 || p > maxPosition))
        {
            throw new CourseRuleException($"Position {p} is outside the course: choose 1 to {maxPosition}.");
        }

        return (position ?? maxPosition) - 1;
    }
}

/// <summary>The course has no such thing; the API answers 404.</summary>
public sealed class ThingNotFoundException(Guid thingId) : PartNotFoundException($"Thing {thingId} was not found.");
