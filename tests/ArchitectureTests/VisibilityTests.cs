using System.Runtime.CompilerServices;

namespace EnSakITaget.ArchitectureTests;

/// <summary>
/// `internal sealed` by default: what only its own project uses (handlers, validators, pipeline
/// behaviours, mapping profiles, interceptors) is neither public nor open to subclassing. A
/// project's contract for the others (commands, results, abstractions) stays public.
/// </summary>
public sealed class VisibilityTests
{
    private static readonly string[] SupportInterfaces =
    [
        "Mediator.ICommandHandler`2", "Mediator.ICommandHandler`1", "Mediator.IQueryHandler`2", "Mediator.IRequestHandler`2",
        "Mediator.IRequestHandler`1", "Mediator.INotificationHandler`1", "Mediator.IPipelineBehavior`2",
        "FluentValidation.IValidator", "Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor",
    ];

    /// <summary>Read from another project: Api finds the Application assembly and its XML documentation by the behaviour, and Infrastructure's mapping takes the name's length from the validator.</summary>
    private static readonly string[] ReadElsewhere =
    [
        "EnSakITaget.Application.Common.Behaviours.ValidationBehaviour`2", "EnSakITaget.Application.Libraries.LibraryInputValidator`1",
    ];

    [Fact]
    public void Handlers_validators_behaviours_mapping_profiles_and_interceptors_are_internal_and_sealed()
    {
        var support = new[] { Layers.Application, Layers.Infrastructure }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(t => t.IsClass && !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) && IsSupport(t))
            .ToList();

        support.Count.ShouldBeGreaterThan(60);
        support.Where(t => t.IsVisible && !ReadElsewhere.Contains(t.FullName)).Select(t => t.FullName).ShouldBeEmpty("make them `internal sealed`");
        support.Where(t => !t.IsSealed && !t.IsAbstract).Select(t => t.FullName).ShouldBeEmpty("seal them");
    }

    private static bool IsSupport(Type type) =>
        type.GetInterfaces().Any(i => SupportInterfaces.Contains(i.IsGenericType ? i.GetGenericTypeDefinition().FullName : i.FullName))
        || BaseTypes(type).Any(b => b.FullName == "AutoMapper.Profile");

    private static IEnumerable<Type> BaseTypes(Type type)
    {
        for (var b = type.BaseType; b is not null; b = b.BaseType)
        {
            yield return b;
        }
    }
}
