using EnSakITaget.Domain.Common;

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

    /// <summary>The level of the tree a node of this type stands at, as other modules know it.</summary>
    public static LibraryLevel Level(this LibraryNodeType type) => type switch
    {
        LibraryNodeType.County => LibraryLevel.County,
        LibraryNodeType.Municipality => LibraryLevel.Municipality,
        _ => LibraryLevel.Unit,
    };

    public static LibraryNodeType? RequiredParentType(this LibraryNodeType type) => type switch
    {
        LibraryNodeType.County => null,
        LibraryNodeType.Municipality => LibraryNodeType.County,
        _ => LibraryNodeType.Municipality,
    };
}
