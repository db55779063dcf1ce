using NetArchTest.Rules;

namespace EnSakITaget.ArchitectureTests;

/// <summary>Modules refer to each other by id only, or through a contract a module publishes in its Contracts namespace.</summary>
public sealed class ModuleBoundaryTests
{
    public static TheoryData<string> Modules() => [.. Layers.Modules()];

    [Fact]
    public void The_libraries_module_is_found()
    {
        Layers.Modules().ShouldContain("Libraries");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void No_type_of_a_module_uses_the_types_of_another_module(string module)
    {
        var otherModules = Layers.Modules().Where(m => m != module).ToList();
        if (otherModules.Count == 0)
        {
            return;
        }

        var forbidden = otherModules
            .SelectMany(other => new[]
            {
                $"EnSakITaget.Domain.{other}",
                $"EnSakITaget.Application.{other}",
                $"EnSakITaget.Infrastructure.Persistence.Configurations.{other}",
                $"EnSakITaget.Api.{other}",
            })
            .ToArray();

        var result = Types.InAssemblies(Layers.All)
            .That().ResideInNamespaceMatching($@"^EnSakITaget\.[A-Za-z.]*\b{module}(\.|$)")
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult();

        result.FailingTypeNames.ShouldBeNull();
    }
}
