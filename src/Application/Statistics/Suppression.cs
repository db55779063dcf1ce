namespace EnSakITaget.Application.Statistics;

/// <summary>
/// Holds back, for an integration key, any count of fewer people than the minimum (but not none),
/// and names what it held back, so that nobody can be singled out of a small group.
/// </summary>
internal sealed class Suppression(bool applies, int minimum)
{
    public bool Applies => applies;

    public int? Count(int value, string field, List<string> suppressed)
    {
        if (applies && value > 0 && value < minimum)
        {
            suppressed.Add(field);
            return null;
        }

        return value;
    }

    /// <summary>A share is shown only when the count it is made of is.</summary>
    public static double? Share(int? part, int whole) => part is { } p && whole > 0 ? Math.Round((double)p / whole, 4) : null;
}
