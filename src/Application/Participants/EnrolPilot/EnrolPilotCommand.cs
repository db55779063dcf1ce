using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Domain.Common;
using EnSakITaget.Domain.Participants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ValidationException = EnSakITaget.Application.Common.Exceptions.ValidationException;

namespace EnSakITaget.Application.Participants.EnrolPilot;

public record PilotInput
{
    /// <summary>The pilot's e-mail, exactly: a member of staff of the round's county with it is enrolled.</summary>
    public string? Email { get; init; }

    /// <summary>Only when nobody of the county has the e-mail: the unit of the county (another municipality's) to register them at.</summary>
    public Guid? UnitId { get; init; }

    /// <summary>Only when registering them: their name.</summary>
    public string? Name { get; init; }

    /// <summary>Only when registering them: their title.</summary>
    public string? Title { get; init; }

    /// <summary>Only when registering them: whether they manage their unit.</summary>
    public bool? IsManager { get; init; }
}

/// <summary>
/// The round's coordinator enrols a pilot from another municipality of the county by e-mail. The
/// e-mail is matched exactly and never searched: someone outside the county is "nobody" here.
/// </summary>
public sealed record EnrolPilotCommand : PilotInput, ICommand<EnrolmentDto>
{
    public EnrolPilotCommand(Guid roundId, PilotInput? input)
        : base(input ?? new PilotInput())
    {
        RoundId = roundId;
    }

    public Guid RoundId { get; }
}

internal sealed class EnrolPilotCommandValidator : AbstractValidator<EnrolPilotCommand>
{
    public EnrolPilotCommandValidator()
    {
        RuleFor(c => c.Email).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(StaffRules.MaxEmailLength)
            .Must(StaffRules.IsEmail).WithMessage("'Email' is not an e-mail address.");
        RuleFor(c => c.Name).MaximumLength(StaffRules.MaxNameLength);
        RuleFor(c => c.Title).MaximumLength(StaffRules.MaxTitleLength);
        RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n)).When(c => c.UnitId is not null)
            .WithMessage("Give the pilot's name to register them at the unit.");
    }
}

internal sealed class EnrolPilotCommandHandler(
    IApplicationDbContext db, IRoundDirectory rounds, ILibraryDirectory libraries, ICurrentUser caller, TimeProvider time, RoundInvitations invitations)
    : ICommandHandler<EnrolPilotCommand, EnrolmentDto>
{
    /// <summary>Said alike whether nobody has the e-mail or someone outside the county has it, so that neither can be told apart.</summary>
    private const string NobodyInTheCounty =
        "No member of staff of the round's county has this e-mail. Name the unit (unitId) and the name to register them there.";

    public async ValueTask<EnrolmentDto> Handle(EnrolPilotCommand command, CancellationToken cancellationToken)
    {
        var round = await rounds.LoadPlanAsync(command.RoundId, cancellationToken);
        if (round.IsClosed)
        {
            throw new EnrolmentRuleException("The round is closed: nobody more can be enrolled.");
        }

        var county = await libraries.CountyOfAsync(round.HomeLibraryId, cancellationToken);
        var email = StaffDetails.NormaliseEmail(command.Email!);
        var now = time.GetUtcNow();
        var member = await db.StaffRecordWithEmailAsync(email, cancellationToken);
        // Someone outside the county, or who has left, is nobody here: neither their name nor their leaving is the caller's to learn.
        if (member is not null && (member.LeftOn is not null || await libraries.CountyOfAsync(member.UnitId, cancellationToken) != county))
        {
            member = null;
        }

        member ??= await RegisterAsync(command, email, county, now, cancellationToken);

        var home = await libraries.SubtreeIdsAsync(round.HomeLibraryId, cancellationToken);
        var enrolment = await db.Enrolments.FirstOrDefaultAsync(e => e.RoundId == round.Id && e.StaffMemberId == member.Id, cancellationToken);
        if (enrolment is null)
        {
            enrolment = Enrolment.Invite(round.Id, round.HomeLibraryId, member.Id, !home.Contains(member.UnitId), caller.AsActor(), now);
            db.Enrolments.Add(enrolment);
        }
        else
        {
            enrolment.Reinvite(caller.AsActor(), now);
        }

        await invitations.InviteAsync(round.Id, [member], again: false, skipAwaitingActivation: false, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new EnrolmentDto(
            member.Id, member.Name, member.Email, member.UnitId, member.IsManager, enrolment.IsPilot, enrolment.Status,
            enrolment.AttendedKickOff, enrolment.InvitedAt, enrolment.ActivatedAt, enrolment.CompletedAt, enrolment.WithdrawnAt);
    }

    /// <summary>Registers the pilot at a unit of the round's county, when nobody of the county has the e-mail.</summary>
    private async Task<StaffMember> RegisterAsync(EnrolPilotCommand command, string email, Guid? county, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (command.UnitId is not { } unitId)
        {
            throw new ValidationException("unitId", NobodyInTheCounty);
        }

        if (await libraries.LevelOfAsync(unitId, cancellationToken) != LibraryLevel.Unit || await libraries.CountyOfAsync(unitId, cancellationToken) != county)
        {
            throw new ValidationException("unitId", $"There is no library unit {unitId} in the round's county.");
        }

        if (await db.IsEmailRegisteredAsync(email, exceptId: null, cancellationToken))
        {
            // Registered outside the county or to someone who left: the e-mail is one person in the whole instance, and who is not the caller's to learn.
            throw new ValidationException("email", "This e-mail cannot be registered at that unit. Ask the county library to enrol the person.");
        }

        var member = StaffMember.Register(
            new StaffDetails(command.Name!.Trim(), email, unitId, string.IsNullOrWhiteSpace(command.Title) ? null : command.Title.Trim(), command.IsManager ?? false),
            now);
        db.StaffMembers.Add(member);
        return member;
    }
}
