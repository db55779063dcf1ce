namespace EnSakITaget.Web.Coordination;

/// <param name="Label">The row's header in the table.</param>
/// <param name="Short">Under the bar, where there is little room.</param>
/// <param name="Highlight">Drawn in the second colour, and said in the label too.</param>
public sealed record ChartBar(string Label, string Short, int Value, bool Highlight = false);
