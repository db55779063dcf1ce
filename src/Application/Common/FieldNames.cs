namespace EnSakITaget.Application.Common;

/// <summary>Turns C# property paths (<c>Things[0].Title</c>) into the camelCase paths clients send (<c>things[0].title</c>).</summary>
public static class FieldNames
{
    public static string ToJsonPath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(CamelCase));

    private static string CamelCase(string segment) =>
        segment.Length == 0 || char.IsLower(segment[0])
            ? segment
            : string.Concat(char.ToLowerInvariant(segment[0]).ToString(), segment.AsSpan(1));
}
