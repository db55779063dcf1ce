namespace EnSakITaget.Application.Libraries.Contracts;

/// <summary>
/// Implemented by every module that keeps something bound to a library, so that the Libraries
/// module refuses to delete a node while anything still depends on it.
/// </summary>
public interface ILibraryDependents
{
    /// <returns>What depends on the library, in words ("2 role assignments"), or null when nothing does.</returns>
    Task<string?> DescribeAsync(Guid libraryId, CancellationToken cancellationToken);
}
