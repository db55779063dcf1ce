namespace EnSakITaget.Application.Identity.Contracts;

/// <summary>What the Identity module offers for inviting staff: who has an account, and a single-use link to make one.</summary>
public interface IAccountInvitations
{
    /// <returns>Those of the e-mail addresses that an account has, in lower case.</returns>
    Task<IReadOnlySet<string>> EmailsWithAccountsAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken);

    /// <returns>Those of the e-mail addresses, in lower case, invited already with a link still open: neither used nor past its time.</returns>
    Task<IReadOnlySet<string>> EmailsAwaitingActivationAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken);

    /// <summary>A token that makes the invitee an account, a participant at their unit, when they choose a password; saved with the change under way.</summary>
    IssuedInvitation Issue(Invitee invitee);
}

public sealed record Invitee(Guid StaffMemberId, string Email, string Name, Guid UnitId);

public sealed record IssuedInvitation(Guid TokenId, string Token, DateTimeOffset ExpiresAt);
