namespace EnSakITaget.ArchitectureTests;

/// <summary>Program.cs maps no module by hand: every endpoint class is a discovered endpoint group.</summary>
public sealed class EndpointGroupTests
{
    [Fact]
    public void Every_endpoints_class_of_a_module_is_an_endpoint_group()
    {
        var group = Layers.Api.GetType("EnSakITaget.Api.Common.IEndpointGroup", throwOnError: true)!;

        var endpointClasses = Layers.Api.GetTypes()
            .Where(t => t.IsClass && t.Name.EndsWith("Endpoints", StringComparison.Ordinal) && t.Namespace != "EnSakITaget.Api.Common")
            .ToList();

        endpointClasses.Count.ShouldBeGreaterThan(10);
        endpointClasses.Where(t => !t.IsAssignableTo(group)).Select(t => t.FullName).ShouldBeEmpty(
            "write `internal sealed class XEndpoints : IEndpointGroup` with `public void Map(IEndpointRouteBuilder api)`");
    }
}
