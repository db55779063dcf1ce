using System.Reflection;

namespace EnSakITaget.ArchitectureTests;

public sealed class DomainModelTests
{
    [Fact]
    public void Domain_entities_have_no_public_setters()
    {
        var publicSetters = Layers.Domain.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && !IsRecord(t) && !typeof(Exception).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is { IsPublic: true })
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToList();

        publicSetters.ShouldBeEmpty();
    }

    /// <summary>
    /// EF Core 10 maps a complex collection (stored as JSON) only through a property that is an
    /// <c>IList&lt;T&gt;</c>; these are the only mutable collections an aggregate shows, and only
    /// with a private setter.
    /// </summary>
    private static readonly string[] ComplexCollectionsEfNeedsAsLists =
        ["Course.Things", "CourseVersion.Things", "Round.Things", "Round.Pauses", "Survey.Questions", "SurveyResponse.Answers",
            "Post.History", "Comment.History", "BlogDutyRota.Weeks"];

    [Fact]
    public void Aggregates_expose_their_collections_read_only()
    {
        var mutable = Layers.Domain.GetTypes()
            .Where(t => t.IsClass && !typeof(Exception).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType.IsGenericType
                    && p.PropertyType.GetGenericTypeDefinition() is var open
                    && (open == typeof(List<>) || open == typeof(IList<>) || open == typeof(ICollection<>) || open == typeof(HashSet<>)))
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToList();

        mutable.ShouldBe(ComplexCollectionsEfNeedsAsLists, ignoreOrder: true);
    }

    [Fact]
    public void Nothing_reads_the_clock_directly()
    {
        var forbidden = new[] { "get_Now", "get_UtcNow", "get_Today" };
        var readers = Layers.All.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m.DeclaringType == t && !m.IsAbstract)
                .Where(m => CallsAny(m, forbidden))
                .Select(m => $"{t.FullName}.{m.Name}"))
            .ToList();

        readers.ShouldBeEmpty("inject TimeProvider instead of DateTime.Now / DateTimeOffset.UtcNow");
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

    private static bool CallsAny(MethodInfo method, string[] getterNames)
    {
        var body = method.GetMethodBody()?.GetILAsByteArray();
        if (body is null)
        {
            return false;
        }

        for (var i = 0; i < body.Length - 4; i++)
        {
            if (body[i] is not (0x28 or 0x6F))
            {
                continue;
            }

            try
            {
                var called = method.Module.ResolveMethod(BitConverter.ToInt32(body, i + 1));
                if (called?.DeclaringType is { } declaring
                    && (declaring == typeof(DateTime) || declaring == typeof(DateTimeOffset))
                    && getterNames.Contains(called.Name))
                {
                    return true;
                }
            }
            catch (ArgumentException)
            {
                // not a method token: the byte was an operand of another instruction
            }
        }

        return false;
    }
}
