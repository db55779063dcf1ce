using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EnSakITaget.Api.Common;

/// <summary>
/// No list of a request holds null (<c>"pauses": [null]</c>): no item of any of them means anything
/// when empty, and validators and handlers that read each item's fields used to end in a 500. The
/// list is refused while the body is read, naming the item (<c>errors["pauses[0]"]</c>).
/// </summary>
internal static class NoNullItems
{
    /// <summary>A contract modifier: every settable list of objects checks its items as it is set.</summary>
    public static void Refuse(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            if (property.Set is not { } set || ItemType(property.PropertyType) is not { IsValueType: false })
            {
                continue;
            }

            property.Set = (target, value) =>
            {
                if (value is IEnumerable items && IndexOfNull(items) is { } index)
                {
                    throw new NullItemException(index);
                }

                set(target, value);
            };
        }
    }

    private static Type? ItemType(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments() is [var item] ? item
        : null;

    private static int? IndexOfNull(IEnumerable items)
    {
        var index = 0;
        foreach (var item in items)
        {
            if (item is null)
            {
                return index;
            }

            index++;
        }

        return null;
    }
}

/// <summary>A list of a JSON body with null as its item at <see cref="Index"/>; the reader adds the list's path.</summary>
internal sealed class NullItemException(int index) : JsonException("The list holds null here: leave the item out or give it its fields.")
{
    public int Index { get; } = index;
}
