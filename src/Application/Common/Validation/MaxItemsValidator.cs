using FluentValidation;
using FluentValidation.Validators;

namespace EnSakITaget.Application.Common.Validation;

/// <summary>A list's largest count, readable by the OpenAPI document as <c>maxItems</c>.</summary>
public interface IMaxItemsValidator
{
    int Max { get; }
}

internal sealed class MaxItemsValidator<T, TElement>(int max) : PropertyValidator<T, IReadOnlyList<TElement>?>, IMaxItemsValidator
{
    public int Max => max;

    public override string Name => nameof(MaxItemsValidator<T, TElement>);

    public override bool IsValid(ValidationContext<T> context, IReadOnlyList<TElement>? value)
    {
        context.MessageFormatter.AppendArgument("MaxItems", max);
        return value is null || value.Count <= max;
    }

    protected override string GetDefaultMessageTemplate(string errorCode) => "At most {MaxItems} items.";
}

internal static class ValidationExtensions
{
    /// <summary>No more than <paramref name="max"/> items; a missing list passes.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<TElement>?> MaxItems<T, TElement>(
        this IRuleBuilder<T, IReadOnlyList<TElement>?> rule, int max) =>
        rule.SetValidator(new MaxItemsValidator<T, TElement>(max));

    /// <summary>
    /// Whether a list is small enough to judge item by item: an over-long list gets one error,
    /// not one per item, and costs no more than its count.
    /// </summary>
    public static bool IsWithin<TElement>(this IReadOnlyList<TElement>? list, int max) => list is null || list.Count <= max;
}
