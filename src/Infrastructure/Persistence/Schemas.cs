namespace EnSakITaget.Infrastructure.Persistence;

/// <summary>One PostgreSQL schema per module.</summary>
internal static class Schemas
{
    public const string Libraries = "libraries";
}
