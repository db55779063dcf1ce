using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Courses.Contracts;
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
    IApplicationDbContext db, IRoundDirectory rounds, ParticipantAccess access, TimeProvider time)
    : ICommandHandler<AcknowledgeReflectionCommand, ThingProgressDto>
{
    public async ValueTask<ThingProgressDto> Handle(AcknowledgeReflectionCommand command, CancellationToken cancellationToken)
    {
        var round = await rounds.LoadPlanAsync(command.RoundId, cancellationToken);
        var thing = round.LoadThing(command.ThingId);
        var enrolment = await db.LoadEnrolmentWithProgressAsync(round.Id, command.ParticipantId, cancellationToken);
        var progress = enrolment.Acknowledge(thing.Id, command.Comment, access.Actor, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ThingProgressDto.Of(enrolment, progress);
    }
}
