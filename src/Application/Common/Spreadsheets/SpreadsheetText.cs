namespace EnSakITaget.Application.Common.Spreadsheets;

/// <summary>What spreadsheets make of text written by people.</summary>
internal static class SpreadsheetText
{
    /// <summary>The first characters that make Excel or LibreOffice read a cell as a formula (OWASP, "CSV injection").</summary>
    public static readonly char[] FormulaTriggers = ['=', '+', '-', '@', '\t', '\r'];

    public static bool WouldBeEvaluated(string text) => text.Length > 0 && Array.IndexOf(FormulaTriggers, text[0]) >= 0;
}
