using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Application.Common.Validation;
using EnSakITaget.Domain.Participants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ValidationException = EnSakITaget.Application.Common.Exceptions.ValidationException;

namespace EnSakITaget.Application.Participants.InviteParticipants;

public record InvitationInput
{
    /// <summary>Whom to invite (again); none: everyone taking part in the round who has no account yet.</summary>
    public IReadOnlyList<Guid>? ParticipantIds { get; init; }

    /// <summary>Everyone: also those invited before whose link is still open (they have not activated it yet). Those named are always sent a new link.</summary>
    public bool Resend { get; init; }
}

/// <summary>
/// The coordinator sends the round's people without an account a link to choose a password. Those
/// named get a new link each time, so it also resends; everyone (none named) leaves out those whose
/// earlier link is still open, unless asked to resend.
/// </summary>
public sealed record InviteParticipantsCommand : InvitationInput, ICommand<InvitationReport>
{
    public InviteParticipantsCommand(Guid roundId, InvitationInput? input)
        : base(input ?? new InvitationInput())
    {
        RoundId = roundId;
    }

    public Guid RoundId { get; }
}

internal sealed class InviteParticipantsCommandValidator : AbstractValidator<InviteParticipantsCommand>
{
    public InviteParticipantsCommandValidator() =>
        RuleFor(c => c.ParticipantIds).MaxItems(EnrolParticipants.EnrolParticipantsCommandValidator.MaxParticipants)
            .WithMessage($"At most {EnrolParticipants.EnrolParticipantsCommandValidator.MaxParticipants} participants at a time.");
}

internal sealed class InviteParticipantsCommandHandler(IApplicationDbContext db, IRoundDirectory rounds, RoundInvitations invitations)
    : ICommandHandler<InviteParticipantsCommand, InvitationReport>
{
    public async ValueTask<InvitationReport> Handle(InviteParticipantsCommand command, CancellationToken cancellationToken)
    {
        var round = await rounds.LoadPlanAsync(command.RoundId, cancellationToken);
        if (round.IsClosed)
        {
            throw new EnrolmentRuleException("The round is closed: nobody more is invited to it.");
        }

        var taking = await db.Enrolments.AsNoTracking()
            .Where(e => e.RoundId == round.Id && (e.Status == EnrolmentStatus.Invited || e.Status == EnrolmentStatus.Active))
            .Select(e => e.StaffMemberId)
            .ToListAsync(cancellationToken);
        var ids = taking.ToHashSet();
        var resend = command.Resend;
        if (command.ParticipantIds is { Count: > 0 } listed)
        {
            for (var at = 0; at < listed.Count; at++)
            {
                if (!ids.Contains(listed[at]))
                {
                    throw new ValidationException($"participantIds[{at}]", $"{listed[at]} takes no part in the round.");
                }
            }

            ids = [.. listed];
            resend = true;
        }

        // Pilots work at libraries outside the coordinator's; the round's enrolment is what lets them be named here.
        var staff = await db.RoundParticipantsStillEmployedAsync(ids, cancellationToken);
        var report = await invitations.InviteAsync(round.Id, staff, again: true, skipAwaitingActivation: !resend, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }
}
