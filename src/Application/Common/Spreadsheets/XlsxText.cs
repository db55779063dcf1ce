using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EnSakITaget.Application.Common.Spreadsheets;

/// <summary>
/// Text in a workbook's XML. XML cannot carry most control characters, and a parser turns a
/// carriage return into a line feed, so Excel writes them as <c>_xHHHH_</c> (and a literal
/// <c>_x0041_</c> with its underscore escaped); a workbook read back is decoded the same way.
/// </summary>
internal static partial class XlsxText
{
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    public static string Escape(string text)
    {
        StringBuilder? escaped = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                replacement = "\uFFFD";
            }
            else if (c == '\r' || (c < ' ' && c != '\t' && c != '\n') || c is '\uFFFE' or '\uFFFF')
            {
                replacement = $"_x{((int)c).ToString("X4", CultureInfo.InvariantCulture)}_";
            }
            else if (c == '_' && EscapeAt(text, i))
            {
                replacement = "_x005F_";
            }
            else
            {
                escaped?.Append(c);
                continue;
            }

            escaped ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            escaped.Append(replacement);
        }

        return escaped?.ToString() ?? text;
    }

    public static string Unescape(string text) =>
        text.Contains("_x", StringComparison.Ordinal)
            ? Escaped().Replace(text, m => ((char)int.Parse(m.Groups[1].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
            : text;

    private static bool EscapeAt(string text, int i) =>
        i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_' && !text.AsSpan(i + 2, 4).ContainsAnyExcept(HexDigits);

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex Escaped();
}
