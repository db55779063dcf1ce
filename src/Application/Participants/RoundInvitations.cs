using EnSakITaget.Application.Identity.Contracts;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Application.Messaging.Contracts;
using EnSakITaget.Domain.Participants;

namespace EnSakITaget.Application.Participants;

/// <summary>Invites to a round's staff who have no account: a single-use link to choose a password, in the same transaction as the enrolment.</summary>
internal sealed class RoundInvitations(IAccountInvitations accounts, IOutbox outbox, IRoundDirectory rounds, ILibraryDirectory libraries)
{
    /// <param name="roundId">The round, which the caller may see.</param>
    /// <param name="staff">Whom to invite; those with an account, and erased people, are left out.</param>
    /// <param name="again">A coordinator's explicit invitation: sent even when one was sent before. Otherwise once per person and round.</param>
    /// <param name="skipAwaitingActivation">Leaves out those invited before (to any round) whose link is still open.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<InvitationReport> InviteAsync(
        Guid roundId, IReadOnlyCollection<StaffMember> staff, bool again, bool skipAwaitingActivation, CancellationToken cancellationToken)
    {
        staff = [.. staff.Where(s => !s.IsErased)];
        if (staff.Count == 0)
        {
            return new InvitationReport(0, 0, 0);
        }

        var withAccounts = await accounts.EmailsWithAccountsAsync([.. staff.Select(s => s.Email)], cancellationToken);
        var awaiting = skipAwaitingActivation
            ? await accounts.EmailsAwaitingActivationAsync([.. staff.Select(s => s.Email)], cancellationToken)
            : new HashSet<string>();
        var round = await rounds.FindPlanAsync(roundId, cancellationToken) ?? throw new InvalidOperationException($"Round {roundId} is not visible.");
        var library = (await libraries.FindAsync(round.HomeLibraryId, cancellationToken))?.Name ?? round.Title;
        var (invited, haveAccounts, awaitingActivation) = (0, 0, 0);
        foreach (var member in staff)
        {
            if (withAccounts.Contains(member.Email.ToLowerInvariant()))
            {
                haveAccounts++;
                continue;
            }

            if (awaiting.Contains(member.Email.ToLowerInvariant()))
            {
                awaitingActivation++;
                continue;
            }

            var onceKey = $"round/{round.Id}";
            if (!again && await outbox.HasQueuedAsync(member.Email, LetterKinds.Invitation, onceKey, cancellationToken))
            {
                continue;
            }

            var issued = accounts.Issue(new Invitee(member.Id, member.Email, member.Name, member.UnitId));
            await outbox.QueueAsync(
                new InvitationLetter(member.Email, member.Name, again ? $"token/{issued.TokenId}" : onceKey, round.Title, library, round.KickOff,
                    library, issued.Token, issued.ExpiresAt),
                cancellationToken);
            invited++;
        }

        return new InvitationReport(invited, haveAccounts, awaitingActivation);
    }
}

/// <param name="Invited">Invitations queued.</param>
/// <param name="HaveAccounts">Left out: they can sign in already.</param>
/// <param name="AwaitingActivation">Left out: invited before, their link still open (resend to send them a new one).</param>
public sealed record InvitationReport(int Invited, int HaveAccounts, int AwaitingActivation);
