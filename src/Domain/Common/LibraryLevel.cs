namespace EnSakITaget.Domain.Common;

/// <summary>The three levels of the organisation tree, as other modules than Libraries need to know them.</summary>
public enum LibraryLevel
{
    County,
    Municipality,
    Unit,
}
