using System.Globalization;
using System.Net;
using System.Text;
using EnSakITaget.Application.Messaging.Contracts;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Application.Messaging;

/// <summary>A message as it goes out: subject, plain text and HTML.</summary>
public sealed record RenderedMessage(string Subject, string Text, string Html);

/// <summary>
/// Every letter in Swedish, as plain text and as HTML made from the same paragraphs. Users have no
/// language of their own yet, so nobody gets another; the links lead to <see cref="PublicAppOptions.PublicUrl"/>.
/// </summary>
internal sealed class MessageTemplates(IOptions<PublicAppOptions> options)
{
    public const string ActivationPath = "aktivera";
    public const string PasswordResetPath = "aterstall-losenord";

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public RenderedMessage Render(Letter letter) => letter switch
    {
        InvitationLetter invitation => Invitation(invitation),
        PasswordResetLetter reset => PasswordReset(reset),
        NudgeLetter nudge => Nudge(nudge),
        _ => throw new ArgumentOutOfRangeException(nameof(letter), letter.Kind, "No template for this kind of letter."),
    };

    private RenderedMessage Invitation(InvitationLetter letter) => Compose(
        $"Välkommen till {letter.RoundTitle} – {letter.LibraryName}",
        $"Hej {letter.RecipientName}!",
        [
            Text($"{letter.InvitedBy} bjuder in dig till {letter.RoundTitle} på {letter.LibraryName}: en sak i taget, i din egen takt."),
            Text($"Startmötet är {letter.KickOff.ToString("d MMMM yyyy", Swedish)}."),
            Text("Välj ditt lösenord här, så är ditt konto klart:"),
            Link(options.Value.Link($"{ActivationPath}?token={Uri.EscapeDataString(letter.Token)}")),
            Text($"Länken fungerar en gång och gäller till {Day(letter.ExpiresAt)}."),
        ]);

    private RenderedMessage PasswordReset(PasswordResetLetter letter) => Compose(
        "Återställ ditt lösenord till En sak i taget",
        $"Hej {letter.RecipientName}!",
        [
            Text("Någon, förhoppningsvis du, bad om ett nytt lösenord till ditt konto. Välj det här:"),
            Link(options.Value.Link($"{PasswordResetPath}?token={Uri.EscapeDataString(letter.Token)}")),
            Text($"Länken fungerar en gång och gäller till {Day(letter.ExpiresAt)}. Bad du inte om det behöver du inte göra något: ditt lösenord är oförändrat."),
        ]);

    private RenderedMessage Nudge(NudgeLetter letter) => Compose(
        $"En påminnelse om {letter.RoundTitle}",
        $"Hej {letter.RecipientName}!",
        [
            Text(string.IsNullOrWhiteSpace(letter.Message) ? $"{letter.CoordinatorName} undrar hur det går med {letter.RoundTitle}." : letter.Message),
            Text($"Hälsningar, {letter.CoordinatorName}"),
            Text("Din nästa sak finns här:"),
            Link(options.Value.Link($"omgangar/{letter.RoundId}")),
        ]);

    private static string Day(DateTimeOffset moment) => moment.ToString("d MMMM yyyy", Swedish);

    private static Paragraph Text(string text) => new(text, false);

    private static Paragraph Link(string url) => new(url, true);

    private static RenderedMessage Compose(string subject, string greeting, IReadOnlyList<Paragraph> paragraphs)
    {
        var text = new StringBuilder().Append(greeting).Append("\n\n");
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(subject)).Append("</title></head><body><p>").Append(WebUtility.HtmlEncode(greeting)).Append("</p>");
        foreach (var paragraph in paragraphs)
        {
            text.Append(paragraph.Content).Append("\n\n");
            var encoded = WebUtility.HtmlEncode(paragraph.Content);
            html.Append(paragraph.IsLink ? $"<p><a href=\"{encoded}\">{encoded}</a></p>" : $"<p>{encoded}</p>");
        }

        text.Append("-- \nEn sak i taget\n");
        html.Append("<p>En sak i taget</p></body></html>");
        return new RenderedMessage(subject, text.ToString(), html.ToString());
    }

    private sealed record Paragraph(string Content, bool IsLink);
}
