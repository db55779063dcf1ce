using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Application.Messaging.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Application.Participants.NudgeParticipant;

public record NudgeInput
{
    /// <summary>What the coordinator wrote to the participant, kept in the enrolment's history.</summary>
    public string? Message { get; init; }
}

/// <summary>A coordinator records a reminder to a participant; not twice within the configured interval.</summary>
public sealed record NudgeParticipantCommand : NudgeInput, ICommand<NudgeDto>
{
    public NudgeParticipantCommand(Guid roundId, Guid participantId, NudgeInput? input)
        : base(input ?? new NudgeInput())
    {
        (RoundId, ParticipantId) = (roundId, participantId);
    }

    public Guid RoundId { get; }
    public Guid ParticipantId { get; }
}

/// <param name="NextPossibleAt">When the participant may be nudged again.</param>
public sealed record NudgeDto(Guid ParticipantId, DateTimeOffset NudgedAt, string By, string? Message, int NudgeCount, DateTimeOffset NextPossibleAt);

internal sealed class NudgeParticipantCommandValidator : AbstractValidator<NudgeParticipantCommand>
{
    public const int MaxMessageLength = Limits.ShortText;

    public NudgeParticipantCommandValidator() => RuleFor(c => c.Message).MaximumLength(MaxMessageLength);
}

internal sealed class NudgeParticipantCommandHandler(
    IApplicationDbContext db, IRoundDirectory rounds, ParticipantAccess access, TimeProvider time, IOptions<FollowUpOptions> options, IOutbox outbox)
    : ICommandHandler<NudgeParticipantCommand, NudgeDto>
{
    public async ValueTask<NudgeDto> Handle(NudgeParticipantCommand command, CancellationToken cancellationToken)
    {
        var round = await rounds.LoadPlanAsync(command.RoundId, cancellationToken);
        var enrolment = await db.LoadEnrolmentAsync(round.Id, command.ParticipantId, cancellationToken);
        var (now, interval) = (time.GetUtcNow(), TimeSpan.FromDays(options.Value.NudgeIntervalDays));
        enrolment.Nudge(ParticipantAccess.TermsOf(round), command.Message, interval, access.Actor, now);

        // The coordinator's words go to the participant by e-mail; a pilot's record lies outside the coordinator's libraries.
        var member = await db.StaffRecordOfEnrolledAsync(enrolment.StaffMemberId, cancellationToken);
        await outbox.QueueAsync(new NudgeLetter(member.Email, member.Name, round.Id, round.Title, access.Actor.Name, command.Message, now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new NudgeDto(enrolment.StaffMemberId, now, access.Actor.Name, enrolment.Events[^1].Note, enrolment.NudgeCount, now + interval);
    }
}
