using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Behaviours;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Domain.Participants;
using FluentValidation;
using Mediator;

namespace EnSakITaget.Application.Participants.ReportThing;

public record ReportInput
{
    /// <summary>A few lines on what the participant did and learned.</summary>
    public string? Text { get; init; }

    /// <summary>A link to the participant's blog post about the thing.</summary>
    public string? Link { get; init; }

    /// <summary>Optional: whose report this is. Only the caller's own is taken.</summary>
    public Guid? ParticipantId { get; init; }
}

/// <summary>The caller reports a thing with a reflection; the same report again, even at the same moment, changes nothing and answers the same.</summary>
public sealed record ReportThingCommand : ReportInput, ICommand<ThingProgressDto>, IRepeatableCommand
{
    public ReportThingCommand(Guid roundId, Guid thingId, ReportInput input)
        : base(input)
    {
        (RoundId, ThingId) = (roundId, thingId);
    }

    public Guid RoundId { get; }
    public Guid ThingId { get; }
}

internal sealed class ReportThingCommandValidator : AbstractValidator<ReportThingCommand>
{
    public ReportThingCommandValidator()
    {
        RuleFor(c => c.Text).MaximumLength(Reflection.MaxTextLength);
        RuleFor(c => c.Link).MaximumLength(Reflection.MaxLinkLength);
        RuleFor(c => c.Link).Must(BeAWebAddress).When(c => !string.IsNullOrWhiteSpace(c.Link))
            .WithMessage("The link must be a web address starting with http:// or https://.");
    }

    private static bool BeAWebAddress(string? link) =>
        Uri.TryCreate(link?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

internal sealed class ReportThingCommandHandler(IApplicationDbContext db, ParticipantAccess access, CourseCalendar calendar, WaitingLetters waiting)
    : ICommandHandler<ReportThingCommand, ThingProgressDto>
{
    public async ValueTask<ThingProgressDto> Handle(ReportThingCommand command, CancellationToken cancellationToken)
    {
        var (round, enrolment, member) = await access.LoadOwnEnrolmentAsync(command.RoundId, cancellationToken);
        if (command.ParticipantId is { } someone && someone != enrolment.StaffMemberId)
        {
            throw new ForbiddenAccessException("You report your own progress only: a participant cannot report for someone else.");
        }

        var thing = round.LoadThing(command.ThingId);
        var progress = enrolment.Report(
            ParticipantAccess.TermsOf(round), ParticipantAccess.TermsOf(thing), new Reflection(command.Text, command.Link),
            access.Actor, calendar.Now);
        if (enrolment.Status == EnrolmentStatus.Completed)
        {
            await waiting.DropAsync(enrolment, member.Email, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ThingProgressDto.Of(enrolment, progress);
    }
}
