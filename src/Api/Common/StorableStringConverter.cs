using System.Text.Json;
using System.Text.Json.Serialization;
using EnSakITaget.Application.Common;

namespace EnSakITaget.Api.Common;

/// <summary>
/// Every string of every JSON body passes here, so text the database cannot keep is refused as it is
/// read, with the field it came in (<see cref="JsonException.Path"/>), and never reaches a save.
/// </summary>
internal sealed class StorableStringConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Storable(ref reader);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Storable(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    private static string Storable(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            // Lets the reader refuse a number or an object where text belongs, as the built-in converter does.
            return reader.GetString()!;
        }

        string value;
        try
        {
            value = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate (\ud800) or bytes that are not UTF-8.
            throw new UnstorableTextException();
        }

        return StorableText.IsStorable(value) ? value : throw new UnstorableTextException();
    }
}

/// <summary>A string of a JSON body that the database could not keep; the reader adds the field's path.</summary>
internal sealed class UnstorableTextException() : JsonException(StorableText.Refusal);
