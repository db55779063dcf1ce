using System.Reflection;

namespace EnSakITaget.ArchitectureTests;

internal static class Layers
{
    public static readonly Assembly Domain = typeof(Domain.Libraries.LibraryNode).Assembly;
    public static readonly Assembly Application = typeof(Application.DependencyInjection).Assembly;
    public static readonly Assembly Infrastructure = typeof(Infrastructure.DependencyInjection).Assembly;
    public static readonly Assembly Api = typeof(Program).Assembly;

    public static readonly Assembly[] All = [Domain, Application, Infrastructure, Api];

    /// <summary>The modules are the second-level namespaces of the domain (<c>EnSakITaget.Domain.Libraries</c>), Common aside.</summary>
    public static IReadOnlyList<string> Modules() =>
        [.. Domain.GetTypes()
            .Select(t => t.Namespace?.Split('.'))
            .Where(parts => parts is { Length: >= 3 } && parts[2] != "Common")
            .Select(parts => parts![2])
            .Distinct()
            .Order()];
}
