using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Messaging.Contracts;

namespace EnSakITaget.Application.Identity;

/// <summary>Queues the letter with a single-use link for an account made without a password, signed with the inviter's name.</summary>
internal sealed class AccountInvitationLetters(IAccountService accounts, IIdentityService identity, IOutbox outbox, ICurrentUser caller)
{
    public async Task QueueAsync(Guid userId, CancellationToken cancellationToken)
    {
        var issued = await accounts.IssueAccountInvitationAsync(userId, cancellationToken);
        var inviter = caller.UserId is { } me ? (await identity.FindUserAsync(me, cancellationToken))?.DisplayName : null;
        await outbox.QueueAsync(
            new AccountInvitationLetter(issued.Email, issued.DisplayName, issued.UserId, issued.TokenId, inviter ?? caller.Name, issued.Token, issued.ExpiresAt),
            cancellationToken);
    }
}
