using EnSakITaget.Domain.Common;

namespace EnSakITaget.Application.Libraries.Contracts;

/// <summary>What the Libraries module tells other modules about the organisation tree.</summary>
public interface ILibraryDirectory
{
    /// <summary>A library the caller may see, or null.</summary>
    Task<LibrarySummary?> FindAsync(Guid libraryId, CancellationToken cancellationToken);

    /// <summary>Every library of a level the caller may see.</summary>
    Task<IReadOnlyList<LibrarySummary>> ListVisibleAsync(LibraryLevel level, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, LibrarySummary>> FindManyAsync(IReadOnlyCollection<Guid> libraryIds, CancellationToken cancellationToken);

    /// <summary>Every id at or under the roots, whoever asks: this is how a caller's scope is worked out.</summary>
    Task<IReadOnlySet<Guid>> SubtreeIdsAsync(Guid root, CancellationToken cancellationToken);

    /// <summary>The county a library belongs to (a county is its own), whoever asks; null for an unknown id.</summary>
    Task<Guid?> CountyOfAsync(Guid libraryId, CancellationToken cancellationToken);

    /// <summary>The level of the tree a library stands at, whoever asks (an invitation makes its account before anyone is signed in); null for an unknown id.</summary>
    Task<LibraryLevel?> LevelOfAsync(Guid libraryId, CancellationToken cancellationToken);

    /// <summary>Every node the caller may see, with its type and staff count: the tree statistics roll up.</summary>
    Task<IReadOnlyList<LibraryFacts>> VisibleTreeAsync(CancellationToken cancellationToken);

    /// <summary>The municipal library organisation with this municipality code, whoever asks (its public blog is for everyone); null when none.</summary>
    Task<LibrarySummary?> FindMunicipalityByCodeAsync(string municipalityCode, CancellationToken cancellationToken);

    /// <summary>A county's or municipality's code, whoever asks (codes are public); null for a unit or an unknown id.</summary>
    Task<string?> CodeOfAsync(Guid libraryId, CancellationToken cancellationToken);

}

public sealed record LibraryFacts(Guid Id, string Name, string Type, LibraryLevel Level, Guid? ParentId, int? StaffCount);

public sealed record LibrarySummary(Guid Id, string Name, LibraryLevel Level, Guid? ParentId);
