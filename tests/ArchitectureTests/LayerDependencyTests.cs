using NetArchTest.Rules;

namespace EnSakITaget.ArchitectureTests;

public sealed class LayerDependencyTests
{
    [Fact]
    public void The_domain_depends_on_no_persistence_mediator_mapping_or_web_framework()
    {
        var result = Types.InAssembly(Layers.Domain).ShouldNot().HaveDependencyOnAny(
            "Microsoft.EntityFrameworkCore", "Mediator", "AutoMapper", "FluentValidation", "Microsoft.AspNetCore",
            "Npgsql", "EnSakITaget.Application", "EnSakITaget.Infrastructure", "EnSakITaget.Api").GetResult();

        result.FailingTypeNames.ShouldBeNull();
    }

    [Fact]
    public void The_application_depends_on_no_database_driver_web_framework_or_outer_layer()
    {
        var result = Types.InAssembly(Layers.Application).ShouldNot().HaveDependencyOnAny(
            "Npgsql", "Microsoft.Data.Sqlite", "Microsoft.AspNetCore", "EnSakITaget.Infrastructure", "EnSakITaget.Api").GetResult();

        result.FailingTypeNames.ShouldBeNull();
    }

    [Fact]
    public void The_infrastructure_does_not_depend_on_the_api()
    {
        var result = Types.InAssembly(Layers.Infrastructure).ShouldNot().HaveDependencyOn("EnSakITaget.Api").GetResult();

        result.FailingTypeNames.ShouldBeNull();
    }
}
