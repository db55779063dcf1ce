using EnSakITaget.Application.Messaging.Contracts;
using EnSakITaget.Domain.Messaging;

namespace EnSakITaget.Application.Messaging.Notifications;

/// <param name="Language">The language of my e-mails: <c>sv</c> or <c>en</c>.</param>
/// <param name="Kinds">Each kind of e-mail I may choose about; invitations and password resets always go and are not listed.</param>
public sealed record NotificationSettingsDto(string Language, IReadOnlyList<NotificationKindDto> Kinds)
{
    public static NotificationSettingsDto Of(NotificationSettings? settings) => new(
        settings?.Language ?? MessageLanguages.Swedish,
        [.. LetterKinds.Optional.Select(kind => new NotificationKindDto(kind, (settings?.ChoiceFor(kind, LetterKinds.DefaultFor(kind)) ?? LetterKinds.DefaultFor(kind)).ToString()))]);
}

/// <param name="Choice"><c>AtOnce</c>, <c>Weekly</c> (gathered into one e-mail on Monday morning) or <c>Off</c>.</param>
public sealed record NotificationKindDto(string Kind, string Choice);
