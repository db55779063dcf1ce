namespace EnSakITaget.Domain.Libraries;

public enum LibraryNodeType
{
    County,
    Municipality,
    MainLibrary,
    Branch,
    Bookmobile,
}

public static class LibraryNodeTypeExtensions
{
    public static bool IsUnit(this LibraryNodeType type) =>
        type is LibraryNodeType.MainLibrary or LibraryNodeType.Branch or LibraryNodeType.Bookmobile;

    public static LibraryNodeType? RequiredParentType(this LibraryNodeType type) => type switch
    {
        LibraryNodeType.County => null,
        LibraryNodeType.Municipality => LibraryNodeType.County,
        _ => LibraryNodeType.Municipality,
    };
}
