using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Common.Validation;
using EnSakITaget.Application.Messaging.Contracts;
using EnSakITaget.Domain.Messaging;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Messaging.Notifications;

/// <summary>I choose what e-mail I get; a kind left out keeps its choice, a language left out stays.</summary>
public sealed record UpdateNotificationsCommand(string? Language, IReadOnlyList<NotificationKindDto>? Kinds) : ICommand<NotificationSettingsDto>;

internal sealed class UpdateNotificationsCommandValidator : AbstractValidator<UpdateNotificationsCommand>
{
    public UpdateNotificationsCommandValidator()
    {
        RuleFor(c => c.Language)
            .Length(2).Matches("^[a-z]{2}$")
            .Must(l => l is null || MessageLanguages.All.Contains(l))
            .WithMessage($"The language is one of {string.Join(", ", MessageLanguages.All)}.");
        RuleFor(c => c.Kinds).MaxItems(LetterKinds.Optional.Count * 2).WithMessage("Too many kinds.");
        RuleForEach(c => c.Kinds).SetValidator(new NotificationKindDtoValidator());
    }
}

internal sealed class NotificationKindDtoValidator : AbstractValidator<NotificationKindDto>
{
    public NotificationKindDtoValidator()
    {
        RuleFor(k => k.Kind)
            .MaximumLength(40).Matches("^[A-Za-z]+$")
            .Must(k => k is not null && LetterKinds.Optional.Contains(k))
            .WithMessage($"The kind is one of {string.Join(", ", LetterKinds.Optional)}; invitations and password resets always go.");
        RuleFor(k => k.Choice)
            .MaximumLength(6).Matches("^(AtOnce|Weekly|Off)$")
            .Must(c => Enum.TryParse<NotificationChoice>(c, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(c, out _))
            .WithMessage("The choice is AtOnce, Weekly or Off.");
    }
}

internal sealed class UpdateNotificationsCommandHandler(IApplicationDbContext db, ICurrentUser caller, TimeProvider time)
    : ICommandHandler<UpdateNotificationsCommand, NotificationSettingsDto>
{
    public async ValueTask<NotificationSettingsDto> Handle(UpdateNotificationsCommand command, CancellationToken cancellationToken)
    {
        var email = NotificationSettings.Normalise(caller.Email ?? throw new UnauthorizedException("Only a signed-in user has e-mail settings."));
        var settings = await db.NotificationSettings.FirstOrDefaultAsync(s => s.Email == email, cancellationToken);
        if (settings is null)
        {
            settings = NotificationSettings.For(email, time.GetUtcNow());
            db.NotificationSettings.Add(settings);
        }

        var choices = (command.Kinds ?? []).GroupBy(k => k.Kind).ToDictionary(g => g.Key, g => Enum.Parse<NotificationChoice>(g.Last().Choice));
        settings.Choose(command.Language, choices, time.GetUtcNow(), LetterKinds.WeeklyByDefault);
        await db.SaveChangesAsync(cancellationToken);
        return NotificationSettingsDto.Of(settings);
    }
}
