using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using EnSakITaget.Application.Common.Behaviours;
using EnSakITaget.Application.Common.Validation;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;

namespace EnSakITaget.Api.Common.OpenApi;

/// <summary>What the validators let through for one property: the numbers the OpenAPI document states.</summary>
internal sealed record PropertyBounds
{
    public bool Required { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public decimal? Minimum { get; init; }
    public decimal? Maximum { get; init; }
    public int? MinItems { get; init; }
    public int? MaxItems { get; init; }
    public string? Pattern { get; init; }
    public string? Format { get; init; }

    /// <summary>The bounds of each item of a list (<c>RuleForEach</c>).</summary>
    public PropertyBounds? Items { get; init; }

    /// <summary>Both hold: the tighter of each.</summary>
    public PropertyBounds And(PropertyBounds other) => new()
    {
        Required = Required || other.Required,
        MinLength = Max(MinLength, other.MinLength),
        MaxLength = Min(MaxLength, other.MaxLength),
        Minimum = Max(Minimum, other.Minimum),
        Maximum = Min(Maximum, other.Maximum),
        MinItems = Max(MinItems, other.MinItems),
        MaxItems = Min(MaxItems, other.MaxItems),
        Pattern = Pattern ?? other.Pattern,
        Format = Format ?? other.Format,
        Items = Items is null ? other.Items : other.Items is null ? Items : Items.And(other.Items),
    };

    /// <summary>Either may be the one that judges the request: only what both promise.</summary>
    public PropertyBounds Or(PropertyBounds other) => new()
    {
        Required = Required && other.Required,
        MinLength = Loose(MinLength, other.MinLength, Math.Min),
        MaxLength = Loose(MaxLength, other.MaxLength, Math.Max),
        Minimum = Loose(Minimum, other.Minimum, Math.Min),
        Maximum = Loose(Maximum, other.Maximum, Math.Max),
        MinItems = Loose(MinItems, other.MinItems, Math.Min),
        MaxItems = Loose(MaxItems, other.MaxItems, Math.Max),
        Pattern = Pattern == other.Pattern ? Pattern : null,
        Format = Format == other.Format ? Format : null,
        Items = Items is null || other.Items is null ? null : Items.Or(other.Items),
    };

    private static T? Max<T>(T? a, T? b) where T : struct, IComparable<T> => a is null ? b : b is null ? a : a.Value.CompareTo(b.Value) >= 0 ? a : b;
    private static T? Min<T>(T? a, T? b) where T : struct, IComparable<T> => a is null ? b : b is null ? a : a.Value.CompareTo(b.Value) <= 0 ? a : b;
    private static T? Loose<T>(T? a, T? b, Func<T, T, T> pick) where T : struct => a is null || b is null ? null : pick(a.Value, b.Value);
}

/// <summary>
/// Reads the FluentValidation rules that judge a type, so that the OpenAPI document states the
/// limits the server enforces and no number is written twice. A rule counts only when it always
/// applies: a <c>When</c> makes it a rule of some requests, which a schema cannot say.
/// </summary>
internal sealed class ValidatorRules(IServiceProvider services)
{
    private static readonly Assembly Application = typeof(ValidationBehaviour<,>).Assembly;

    private static readonly Lazy<IReadOnlyList<AssemblyScanner.AssemblyScanResult>> Validators = new(() =>
        [.. AssemblyScanner.FindValidatorsInAssembly(Application, includeInternalTypes: true)]);

    private static readonly Lazy<IReadOnlyDictionary<string, Type>> MessagesByName = new(() => Application.GetTypes()
        .Where(t => t.GetInterfaces().Any(i => i.FullName == "Mediator.IMessage"))
        .GroupBy(t => t.Name, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));

    private readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, PropertyBounds>> cache = new();

    /// <summary>
    /// The message an operation sends, by the convention that an operation is named after its use
    /// case: <c>ListCourses</c> sends <c>ListCoursesQuery</c>.
    /// </summary>
    public static Type? MessageOf(string? operationId) =>
        operationId is null ? null
        : MessagesByName.Value.GetValueOrDefault(operationId + "Query") ?? MessagesByName.Value.GetValueOrDefault(operationId + "Command");

    /// <summary>
    /// The bounds of each property of <paramref name="type"/>, by property name (any case). A body
    /// type is judged by the validators of every command that extends it; a bound holds in the
    /// document only where it holds for all of them.
    /// </summary>
    public IReadOnlyDictionary<string, PropertyBounds> For(Type type) => cache.GetOrAdd(type, Read);

    private IReadOnlyDictionary<string, PropertyBounds> Read(Type type)
    {
        var judges = Validators.Value
            .Where(v => type.IsAssignableFrom(v.InterfaceType.GetGenericArguments()[0]))
            .Select(v => Instance(v))
            .ToList();
        if (judges.Count == 0)
        {
            return new Dictionary<string, PropertyBounds>(StringComparer.OrdinalIgnoreCase);
        }

        var names = type.GetProperties().Select(p => p.Name).ToList();
        var perValidator = judges.Select(Bounds).ToList();
        var result = new Dictionary<string, PropertyBounds>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            PropertyBounds? combined = null;
            foreach (var bounds in perValidator)
            {
                var own = bounds.GetValueOrDefault(name) ?? new PropertyBounds();
                combined = combined is null ? own : combined.Or(own);
            }

            if (combined is not null)
            {
                result[name] = combined;
            }
        }

        return result;
    }

    private IValidator Instance(AssemblyScanner.AssemblyScanResult scanned) =>
        services.GetServices(scanned.InterfaceType).OfType<IValidator>().FirstOrDefault(v => v.GetType() == scanned.ValidatorType)
        ?? (IValidator)ActivatorUtilities.CreateInstance(services, scanned.ValidatorType);

    private static Dictionary<string, PropertyBounds> Bounds(IValidator validator)
    {
        var result = new Dictionary<string, PropertyBounds>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in (IEnumerable<IValidationRule>)validator)
        {
            if (rule.HasCondition || rule.HasAsyncCondition)
            {
                continue;
            }

            if (rule is IIncludeRule)
            {
                foreach (var included in rule.Components.Select(c => c.Validator).OfType<IChildValidatorAdaptor>().Select(Included).OfType<IValidator>())
                {
                    foreach (var (name, bounds) in Bounds(included))
                    {
                        result[name] = result.TryGetValue(name, out var known) ? known.And(bounds) : bounds;
                    }
                }

                continue;
            }

            if (string.IsNullOrEmpty(rule.PropertyName) || rule.PropertyName.Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            var own = Read(rule.Components.Where(c => !c.HasCondition && !c.HasAsyncCondition).Select(c => c.Validator));
            var ofRule = IsCollectionRule(rule) ? new PropertyBounds { Items = own } : own;
            result[rule.PropertyName] = result.TryGetValue(rule.PropertyName, out var before) ? before.And(ofRule) : ofRule;
        }

        return result;
    }

    private static PropertyBounds Read(IEnumerable<IPropertyValidator> validators)
    {
        var bounds = new PropertyBounds();
        foreach (var validator in validators)
        {
            bounds = bounds.And(validator switch
            {
                INotNullValidator => new PropertyBounds { Required = true },
                INotEmptyValidator => new PropertyBounds { Required = true, MinLength = 1, MinItems = 1 },
                ILengthValidator length => new PropertyBounds
                {
                    MinLength = length.Min > 0 ? length.Min : null,
                    MaxLength = length.Max > 0 ? length.Max : null,
                },
                IMaxItemsValidator items => new PropertyBounds { MaxItems = items.Max },
                IBetweenValidator between when validator.Name.StartsWith("Exclusive", StringComparison.Ordinal) =>
                    new PropertyBounds { Minimum = Number(between.From) + 1, Maximum = Number(between.To) - 1 },
                IBetweenValidator between => new PropertyBounds { Minimum = Number(between.From), Maximum = Number(between.To) },
                IComparisonValidator { ValueToCompare: { } value } comparison => comparison.Comparison switch
                {
                    Comparison.GreaterThanOrEqual => new PropertyBounds { Minimum = Number(value) },
                    Comparison.GreaterThan => new PropertyBounds { Minimum = Number(value) + 1 },
                    Comparison.LessThanOrEqual => new PropertyBounds { Maximum = Number(value) },
                    Comparison.LessThan => new PropertyBounds { Maximum = Number(value) - 1 },
                    _ => new PropertyBounds(),
                },
                IRegularExpressionValidator regex => new PropertyBounds { Pattern = regex.Expression },
                IEmailValidator => new PropertyBounds { Format = "email" },
                _ => new PropertyBounds(),
            });
        }

        return bounds;
    }

    /// <summary>Whole numbers only: the API takes no fractions, and a date or a member comparison is no bound a schema can state.</summary>
    private static decimal? Number(object? value) => value switch
    {
        int or long or short or byte => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        _ => null,
    };

    private static bool IsCollectionRule(IValidationRule rule) =>
        rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));

    /// <summary>The validator an <c>Include</c> runs; the adaptor only hands it out for a validation context.</summary>
    private static IValidator? Included(IChildValidatorAdaptor adaptor)
    {
        var arguments = adaptor.GetType().GenericTypeArguments;
        var getValidator = adaptor.GetType().GetMethod("GetValidator");
        if (arguments.Length != 2 || getValidator is null)
        {
            return null;
        }

        var context = Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(arguments[0]), [null]);
        return getValidator.Invoke(adaptor, [context, null]) as IValidator;
    }
}
