using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Application.Messaging.Contracts;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Participants.AcknowledgeReflection;

public record AcknowledgementInput
{
    /// <summary>The coordinator's answer to the reflection, if any.</summary>
    public string? Comment { get; init; }
}

/// <summary>A coordinator acknowledges a participant's reflection on a thing, with a comment or without.</summary>
public sealed record AcknowledgeReflectionCommand : AcknowledgementInput, ICommand<ThingProgressDto>
{
    public AcknowledgeReflectionCommand(Guid roundId, Guid participantId, Guid thingId, AcknowledgementInput? input)
        : base(input ?? new AcknowledgementInput())
    {
        (RoundId, ParticipantId, ThingId) = (roundId, participantId, thingId);
    }

    public Guid RoundId { get; }
    public Guid ParticipantId { get; }
    public Guid ThingId { get; }
}

internal sealed class AcknowledgeReflectionCommandValidator : AbstractValidator<AcknowledgeReflectionCommand>
{
    public const int MaxCommentLength = Limits.Text;

    public AcknowledgeReflectionCommandValidator() => RuleFor(c => c.Comment).MaximumLength(MaxCommentLength);
}

internal sealed class AcknowledgeReflectionCommandHandler(
    IApplicationDbContext db, IRoundDirectory rounds, ParticipantAccess access, TimeProvider time, ILibraryDirectory libraries, IOutbox outbox)
    : ICommandHandler<AcknowledgeReflectionCommand, ThingProgressDto>
{
    public async ValueTask<ThingProgressDto> Handle(AcknowledgeReflectionCommand command, CancellationToken cancellationToken)
    {
        var round = await rounds.LoadPlanAsync(command.RoundId, cancellationToken);
        var thing = round.LoadThing(command.ThingId);
        var enrolment = await db.LoadEnrolmentWithProgressAsync(round.Id, command.ParticipantId, cancellationToken);
        var progress = enrolment.Acknowledge(thing.Id, command.Comment, access.Actor, time.GetUtcNow());

        // The author hears of it, once per reflection; a withdrawn participant hears nothing more of the round.
        if (enrolment.Status != Domain.Participants.EnrolmentStatus.Withdrawn)
        {
            var author = await db.StaffRecordOfEnrolledAsync(enrolment.StaffMemberId, cancellationToken);
            var library = await libraries.FindAsync(round.HomeLibraryId, cancellationToken);
            await outbox.QueueAsync(new ReflectionAcknowledgedLetter(
                author.Email, author.Name, new RoundOfLetter(round.Id, round.Title, library?.Name ?? string.Empty), thing.Id, thing.Title,
                access.Actor.Name, command.Comment), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ThingProgressDto.Of(enrolment, progress);
    }
}
