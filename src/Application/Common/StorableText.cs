namespace EnSakITaget.Application.Common;

/// <summary>
/// Text the database can keep. PostgreSQL refuses U+0000 in a text column, and half of a
/// surrogate pair cannot be written as UTF-8 at all; either used to end in a 500 at the save.
/// </summary>
public static class StorableText
{
    public const string Refusal = "The text contains a character that cannot be stored (U+0000 or half of a surrogate pair).";

    public static bool IsStorable(ReadOnlySpan<char> text)
    {
        if (text.Contains('\0'))
        {
            return false;
        }

        for (var i = text.IndexOfAnyInRange('\uD800', '\uDFFF'); i >= 0; i = NextSurrogate(text, i + 2))
        {
            if (!char.IsHighSurrogate(text[i]) || i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1]))
            {
                return false;
            }
        }

        return true;
    }

    private static int NextSurrogate(ReadOnlySpan<char> text, int from)
    {
        var next = text[from..].IndexOfAnyInRange('\uD800', '\uDFFF');
        return next < 0 ? -1 : from + next;
    }
}
