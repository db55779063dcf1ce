using System.Globalization;
using System.Text;

namespace EnSakITaget.Domain.Community;

/// <summary>A public post's address: readable, ASCII, and unique through a piece of its id.</summary>
public static class Slugs
{
    private const int MaxWords = 60;

    public static string Of(string title, Guid id)
    {
        var words = new StringBuilder();
        foreach (var c in title.ToLowerInvariant().Replace("å", "a").Replace("ä", "a").Replace("ö", "o").Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                words.Append(c);
            }
            else if (words.Length > 0 && words[^1] != '-')
            {
                words.Append('-');
            }
        }

        var stem = words.ToString().Trim('-');
        stem = stem.Length > MaxWords ? stem[..MaxWords].TrimEnd('-') : stem;
        var suffix = id.ToString("N")[^8..];
        return stem.Length == 0 ? suffix : $"{stem}-{suffix}";
    }
}
