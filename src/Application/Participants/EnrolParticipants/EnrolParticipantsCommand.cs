using EnSakITaget.Application.Common.Validation;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Domain.Participants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ValidationException = EnSakITaget.Application.Common.Exceptions.ValidationException;

namespace EnSakITaget.Application.Participants.EnrolParticipants;

public record EnrolmentInput
{
    /// <summary>Members of staff to enrol, pilots from other libraries of the county included.</summary>
    public IReadOnlyList<Guid>? ParticipantIds { get; init; }

    /// <summary>A library whose whole staff is enrolled, its units included.</summary>
    public Guid? LibraryId { get; init; }
}

public sealed record EnrolParticipantsCommand : EnrolmentInput, ICommand<EnrolmentReport>
{
    public EnrolParticipantsCommand(Guid roundId, EnrolmentInput input)
        : base(input)
    {
        RoundId = roundId;
    }

    public Guid RoundId { get; }
}

public sealed record EnrolmentReport(int Enrolled, int AlreadyEnrolled, int Pilots);

internal sealed class EnrolParticipantsCommandValidator : AbstractValidator<EnrolParticipantsCommand>
{
    /// <summary>The staff of the largest library organisation, several times over; a whole library goes by <c>libraryId</c>.</summary>
    public const int MaxParticipants = 5000;

    public EnrolParticipantsCommandValidator()
    {
        RuleFor(c => c).Must(c => c.ParticipantIds is { Count: > 0 } || c.LibraryId is not null)
            .WithName("participantIds").WithMessage("Name the participants, or a library whose staff to enrol.");
        RuleFor(c => c.ParticipantIds).MaxItems(MaxParticipants).WithMessage($"At most {MaxParticipants} participants at a time.");
    }
}

internal sealed class EnrolParticipantsCommandHandler(
    IApplicationDbContext db, IRoundDirectory rounds, ILibraryDirectory libraries, ICurrentUser caller, TimeProvider time, RoundInvitations invitations)
    : ICommandHandler<EnrolParticipantsCommand, EnrolmentReport>
{
    public async ValueTask<EnrolmentReport> Handle(EnrolParticipantsCommand command, CancellationToken cancellationToken)
    {
        var round = await rounds.LoadPlanAsync(command.RoundId, cancellationToken);
        if (round.IsClosed)
        {
            throw new EnrolmentRuleException("The round is closed: nobody more can be enrolled.");
        }

        var staff = await StaffToEnrolAsync(command, cancellationToken);
        var home = await libraries.SubtreeIdsAsync(round.HomeLibraryId, cancellationToken);
        var county = await libraries.CountyOfAsync(round.HomeLibraryId, cancellationToken);
        var countyOfUnit = new Dictionary<Guid, Guid?>();
        foreach (var unit in staff.Select(s => s.UnitId).Distinct().Where(u => !home.Contains(u)))
        {
            countyOfUnit[unit] = await libraries.CountyOfAsync(unit, cancellationToken);
        }

        if (staff.FirstOrDefault(s => !home.Contains(s.UnitId) && countyOfUnit[s.UnitId] != county) is { } stranger)
        {
            throw new EnrolmentRuleException($"{stranger.Name} works in another county: pilots come from the round's own county.");
        }

        var ids = staff.Select(s => s.Id).ToArray();
        var existing = (await db.Enrolments.Where(e => e.RoundId == round.Id && ids.Contains(e.StaffMemberId)).ToListAsync(cancellationToken))
            .ToDictionary(e => e.StaffMemberId);
        var (enrolled, already, pilots, now) = (0, 0, 0, time.GetUtcNow());
        var toInvite = new List<StaffMember>();
        foreach (var member in staff)
        {
            var isPilot = !home.Contains(member.UnitId);
            if (existing.TryGetValue(member.Id, out var enrolment))
            {
                if (enrolment.Reinvite(caller.AsActor(), now))
                {
                    enrolled++;
                    toInvite.Add(member);
                }
                else
                {
                    already++;
                }

                continue;
            }

            db.Enrolments.Add(Enrolment.Invite(round.Id, round.HomeLibraryId, member.Id, isPilot, caller.AsActor(), now));
            enrolled++;
            pilots += isPilot ? 1 : 0;
            toInvite.Add(member);
        }

        // Whoever has no account yet gets a link to make one, once per round.
        await invitations.InviteAsync(round.Id, toInvite, again: false, skipAwaitingActivation: false, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new EnrolmentReport(enrolled, already, pilots);
    }

    private async Task<List<StaffMember>> StaffToEnrolAsync(EnrolParticipantsCommand command, CancellationToken cancellationToken)
    {
        var staff = new List<StaffMember>();
        if (command.ParticipantIds is { Count: > 0 } requested)
        {
            var ids = requested.Distinct().ToArray();
            var found = await db.StaffMembers.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken);
            var missing = ids.Where(id => found.All(s => s.Id != id)).ToList();
            if (missing.Count > 0)
            {
                var index = requested.ToList().IndexOf(missing[0]);
                throw new ValidationException($"participantIds[{index}]", $"There is no member of staff {missing[0]}.");
            }

            found.ForEach(member => member.EnsureMayBeEnrolled());
            staff.AddRange(found);
        }

        if (command.LibraryId is { } libraryId)
        {
            if (await libraries.FindAsync(libraryId, cancellationToken) is null)
            {
                throw new ValidationException("libraryId", $"There is no library {libraryId}.");
            }

            var subtree = (await libraries.SubtreeIdsAsync(libraryId, cancellationToken)).ToArray();
            staff.AddRange(await db.StaffMembers.AsNoTracking().Where(s => subtree.Contains(s.UnitId) && s.LeftOn == null).ToListAsync(cancellationToken));
        }

        return [.. staff.DistinctBy(s => s.Id)];
    }
}
