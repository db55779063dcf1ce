using System.Reflection;
using System.Runtime.CompilerServices;

namespace EnSakITaget.Api.Common;

/// <summary>
/// The endpoints of one module (or one resource of it), mapped under <c>/api/v1</c> by
/// <see cref="EndpointGroups.MapEndpointGroups"/>, which finds every implementation in this
/// assembly: a new group is mapped by existing, never by a line in <c>Program.cs</c>.
/// </summary>
/// <remarks>
/// An endpoint is named after its handler method (<c>MapGet("/rounds", ListRounds)</c> is the
/// operation <c>ListRounds</c>), so write handlers as named methods; <c>WithName</c> still wins
/// where it is given.
/// </remarks>
internal interface IEndpointGroup
{
    void Map(IEndpointRouteBuilder api);
}

internal static class EndpointGroups
{
    /// <summary>Every endpoint group of this assembly, in the order of their names, each endpoint named after its handler.</summary>
    public static RouteGroupBuilder MapEndpointGroups(this RouteGroupBuilder api)
    {
        ((IEndpointConventionBuilder)api).Finally(NameAfterHandler);
        foreach (var group in Discovered())
        {
            group.Map(api);
        }

        return api;
    }

    internal static IEnumerable<IEndpointGroup> Discovered() =>
        typeof(IEndpointGroup).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(typeof(IEndpointGroup)))
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (IEndpointGroup)Activator.CreateInstance(type)!);

    private static void NameAfterHandler(EndpointBuilder endpoint)
    {
        if (endpoint.Metadata.OfType<IEndpointNameMetadata>().Any()
            || endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault() is not { } handler)
        {
            return;
        }

        if (handler.IsDefined(typeof(CompilerGeneratedAttribute)) || handler.Name.Contains('<', StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"{endpoint.DisplayName}: an endpoint is named after its handler method; map a named method, not a lambda, or give it WithName.");
        }

        endpoint.Metadata.Add(new EndpointNameMetadata(handler.Name));
        endpoint.Metadata.Add(new RouteNameMetadata(handler.Name));
    }
}
