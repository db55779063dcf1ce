namespace EnSakITaget.Application.Identity.Contracts;

/// <summary>What the Identity module tells other modules about who coordinates where.</summary>
public interface ICoordinatorDirectory
{
    /// <summary>The users who hold the Coordinator role for exactly this library organisation.</summary>
    Task<IReadOnlySet<Guid>> CoordinatorsOfAsync(Guid libraryId, CancellationToken cancellationToken);

    /// <summary>Where to write to these users (a coordinator's weekly digest); unknown ids are left out.</summary>
    Task<IReadOnlyList<UserContact>> ContactsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);

    /// <summary>The name an account goes by (never its e-mail), or null for an unknown account.</summary>
    Task<string?> DisplayNameOfAsync(Guid userId, CancellationToken cancellationToken);
}

public sealed record UserContact(Guid UserId, string Email, string Name);
