namespace EnSakITaget.Infrastructure.Persistence;

/// <summary>One PostgreSQL schema per module.</summary>
internal static class Schemas
{
    public const string Libraries = "libraries";
    public const string Identity = "identity";
    public const string Audit = "audit";
    public const string Courses = "courses";
    public const string Participants = "participants";
    public const string Feedback = "feedback";
    public const string Messaging = "messaging";
    public const string Community = "community";
}
