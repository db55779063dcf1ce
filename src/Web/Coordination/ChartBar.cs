namespace EnSakITaget.Web.Coordination;

/// <param name="Label">The row's header in the table.</param>
/// <param name="Short">Under the bar, where there is little room.</param>
/// <param name="Highlight">Drawn in the second colour, and said in the label too.</param>
/// <param name="Display">How the value reads, when not as the bare number: "45 %", or "för få" for a figure held back.</param>
public sealed record ChartBar(string Label, string Short, int Value, bool Highlight = false, string? Display = null)
{
    public string Text => Display ?? Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
