namespace EnSakITaget.Domain.Courses;

/// <summary>A published version of a course, frozen: rounds copy their things from it.</summary>
public sealed class CourseVersion
{
    private CourseVersion()
    {
    }

    public Guid Id { get; private set; }
    public Guid CourseId { get; private set; }
    public Guid CountyId { get; private set; }
    public int Version { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string Description { get; private set; } = string.Empty;
    public string Language { get; private set; } = string.Empty;
    public List<CourseThing> Things { get; private set; } = [];
    public DateTimeOffset PublishedAt { get; private set; }

    internal static CourseVersion Freeze(Course course, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CourseId = course.Id,
        CountyId = course.CountyId,
        Version = course.Version,
        Title = course.Title,
        Description = course.Description,
        Language = course.Language,
        Things = [.. course.Things.Select(t => CourseThing.Create(t.Id, t.Content))],
        PublishedAt = now,
    };
}
