using NetArchTest.Rules;

namespace EnSakITaget.ArchitectureTests;

/// <summary>
/// Modules refer to each other by id only, or through a contract a module publishes in its own
/// Contracts namespace (<c>EnSakITaget.Application.Libraries.Contracts</c>): what it tells others,
/// or what it asks of them.
/// </summary>
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

        var forbidden = otherModules.SelectMany(OutsideItsContracts).ToArray();

        var result = Types.InAssemblies(Layers.All)
            .That().ResideInNamespaceMatching($@"^EnSakITaget\.[A-Za-z.]*\b{module}(\.|$)")
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult();

        result.FailingTypeNames.ShouldBeNull();
    }

    [Fact]
    public void Every_contract_lives_with_the_module_that_offers_it()
    {
        var contracts = Layers.All.SelectMany(a => a.GetTypes())
            .Where(t => t.Namespace?.EndsWith(".Contracts", StringComparison.Ordinal) == true)
            .Select(t => t.Namespace!)
            .Distinct()
            .ToList();

        contracts.ShouldNotBeEmpty();
        contracts.ShouldAllBe(ns => System.Text.RegularExpressions.Regex.IsMatch(ns, @"^EnSakITaget\.Application\.(?!Common\.)[A-Z][A-Za-z]*\.Contracts$"));
    }

    /// <summary>Every type of a module's own namespaces in every layer, its Contracts aside.</summary>
    private static IEnumerable<string> OutsideItsContracts(string module)
    {
        var prefixes = new[]
        {
            $"EnSakITaget.Domain.{module}",
            $"EnSakITaget.Application.{module}",
            $"EnSakITaget.Infrastructure.Persistence.Configurations.{module}",
            $"EnSakITaget.Api.{module}",
        };
        var contract = $"EnSakITaget.Application.{module}.Contracts";
        var vocabulary = ContractVocabulary(contract);
        return Layers.All.SelectMany(a => a.GetTypes())
            .Where(t => !t.IsNested && t.Namespace is { } ns
                && prefixes.Any(p => ns == p || ns.StartsWith(p + ".", StringComparison.Ordinal))
                && ns != contract && !vocabulary.Contains(t))
            .Select(t => t.FullName!);
    }

    /// <summary>The module's enums its contract speaks in (a round's <c>RoundStatus</c>): values, part of the contract.</summary>
    private static HashSet<Type> ContractVocabulary(string contract) =>
        [.. Layers.Application.GetTypes()
            .Where(t => t.Namespace == contract)
            .SelectMany(t => t.GetProperties().Select(p => p.PropertyType)
                .Concat(t.GetMethods().SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType))))
            .Select(t => Nullable.GetUnderlyingType(t) ?? t)
            .Where(t => t.IsEnum)];
}
