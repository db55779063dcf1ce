namespace EnSakITaget.Application.Common.Abstractions;

/// <summary>
/// The libraries the caller may see: the union of their grants' subtrees. The database applies it
/// to every query of every module as a global filter, so a handler cannot forget it. Until it is
/// set for a request it admits nothing.
/// </summary>
public interface ILibraryScope
{
    bool IsUnrestricted { get; }

    IReadOnlyList<Guid> LibraryIds { get; }

    bool Includes(Guid libraryId) => IsUnrestricted || LibraryIds.Contains(libraryId);
}
