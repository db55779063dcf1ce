using System.Globalization;
using System.Net;
using System.Text;
using EnSakITaget.Application.Messaging.Contracts;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Application.Messaging;

/// <summary>A message as it goes out: subject, plain text and HTML.</summary>
public sealed record RenderedMessage(string Subject, string Text, string Html);

/// <summary>The languages a person may read their e-mail in; Swedish unless they chose English.</summary>
public static class MessageLanguages
{
    public const string Swedish = "sv";
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = [Swedish, English];
}

/// <summary>
/// Every letter in Swedish, or in English for those who chose it, as plain text and as HTML made
/// from the same paragraphs; the links lead to <see cref="PublicAppOptions.PublicUrl"/>. One case
/// of the switch per kind of letter, each its own method.
/// </summary>
internal sealed class MessageTemplates(IOptions<PublicAppOptions> options)
{
    public const string ActivationPath = "aktivera";
    public const string PasswordResetPath = "aterstall-losenord";

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string RoundPath(Guid roundId) => $"omgangar/{roundId}";

    public static string ThingPath(Guid roundId, Guid thingId) => $"omgangar/{roundId}/saker/{thingId}";

    public static string SurveyPath(Guid roundId) => $"omgangar/{roundId}/enkat";

    public static string FollowUpPath(Guid roundId) => $"samordna/omgangar/{roundId}";

    public static string RoundBlogPath(Guid roundId) => $"omgangar/{roundId}/blogg";

    public RenderedMessage Render(Letter letter, string language = MessageLanguages.Swedish)
    {
        var t = new Words(language == MessageLanguages.English);
        return letter switch
        {
            InvitationLetter invitation => Invitation(invitation, t),
            AccountInvitationLetter invitation => AccountInvitation(invitation, t),
            PasswordResetLetter reset => PasswordReset(reset, t),
            NudgeLetter nudge => Nudge(nudge, t),
            ThingReleasedLetter released => ThingReleased(released, t),
            DeadlineLetter deadline => Deadline(deadline, t),
            SurveyOpenLetter survey => SurveyOpen(survey, t),
            SurveyReminderLetter reminder => SurveyReminder(reminder, t),
            ReflectionAcknowledgedLetter acknowledged => ReflectionAcknowledged(acknowledged, t),
            CoordinatorDigestLetter digest => CoordinatorDigest(digest, t),
            BlogDutyLetter duty => BlogDuty(duty, t),
            RoundBlogWeekLetter blogWeek => RoundBlogWeek(blogWeek, t),
            _ => throw new ArgumentOutOfRangeException(nameof(letter), letter.Kind, "No template for this kind of letter."),
        };
    }

    /// <summary>
    /// Several letters waiting for one person, sent as one: one greeting, each letter's paragraphs
    /// under its own subject, one signature.
    /// </summary>
    public static RenderedMessage Combine(IReadOnlyList<RenderedMessage> parts, string language = MessageLanguages.Swedish)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var t = new Words(language == MessageLanguages.English);
        var subject = t.Say(
            $"{parts[0].Subject} – och {parts.Count - 1} till från En sak i taget",
            $"{parts[0].Subject} – and {parts.Count - 1} more from En sak i taget");
        var text = new StringBuilder(Greeting(parts[0].Text)).Append("\n\n");
        var html = new StringBuilder(HtmlHead(subject, t)).Append(Between(parts[0].Html, "<body>", PartStart));
        foreach (var part in parts)
        {
            text.Append("== ").Append(part.Subject).Append(" ==\n\n").Append(TextPart(part.Text));
            html.Append("<h2>").Append(WebUtility.HtmlEncode(part.Subject)).Append("</h2>").Append(PartStart)
                .Append(Between(part.Html, PartStart, PartEnd)).Append(PartEnd);
        }

        text.Append(Signature);
        html.Append(HtmlSignature);
        return new RenderedMessage(subject, text.ToString(), html.ToString());
    }

    private RenderedMessage Invitation(InvitationLetter letter, Words t) => Compose(t,
        t.Say($"Välkommen till {letter.RoundTitle} – {letter.LibraryName}", $"Welcome to {letter.RoundTitle} – {letter.LibraryName}"),
        t.Hello(letter.RecipientName),
        [
            Text(t.Say(
                $"{letter.InvitedBy} bjuder in dig till {letter.RoundTitle} på {letter.LibraryName}: en sak i taget, i din egen takt.",
                $"{letter.InvitedBy} invites you to {letter.RoundTitle} at {letter.LibraryName}: one thing at a time, at your own pace.")),
            Text(t.Say($"Startmötet är {t.Day(letter.KickOff)}.", $"The kick-off is on {t.Day(letter.KickOff)}.")),
            Text(t.Say("Välj ditt lösenord här, så är ditt konto klart:", "Choose your password here and your account is ready:")),
            Link(options.Value.Link($"{ActivationPath}?token={Uri.EscapeDataString(letter.Token)}")),
            Text(t.Say(
                $"Länken fungerar en gång och gäller till {t.Day(letter.ExpiresAt)}.",
                $"The link works once and is valid until {t.Day(letter.ExpiresAt)}.")),
        ]);

    private RenderedMessage AccountInvitation(AccountInvitationLetter letter, Words t) => Compose(t,
        t.Say("Ditt konto i En sak i taget", "Your account in En sak i taget"),
        t.Hello(letter.RecipientName),
        [
            Text(t.Say(
                $"{letter.InvitedBy} har gjort ett konto åt dig i En sak i taget.",
                $"{letter.InvitedBy} has made an account for you in En sak i taget.")),
            Text(t.Say("Välj ditt lösenord här, så är ditt konto klart:", "Choose your password here and your account is ready:")),
            Link(options.Value.Link($"{ActivationPath}?token={Uri.EscapeDataString(letter.Token)}")),
            Text(t.Say(
                $"Länken fungerar en gång och gäller till {t.Day(letter.ExpiresAt)}.",
                $"The link works once and is valid until {t.Day(letter.ExpiresAt)}.")),
        ]);

    private RenderedMessage PasswordReset(PasswordResetLetter letter, Words t) => Compose(t,
        t.Say("Återställ ditt lösenord till En sak i taget", "Reset your password for En sak i taget"),
        t.Hello(letter.RecipientName),
        [
            Text(t.Say(
                "Någon, förhoppningsvis du, bad om ett nytt lösenord till ditt konto. Välj det här:",
                "Someone, hopefully you, asked for a new password for your account. Choose it here:")),
            Link(options.Value.Link($"{PasswordResetPath}?token={Uri.EscapeDataString(letter.Token)}")),
            Text(t.Say(
                $"Länken fungerar en gång och gäller till {t.Day(letter.ExpiresAt)}. Bad du inte om det behöver du inte göra något: ditt lösenord är oförändrat.",
                $"The link works once and is valid until {t.Day(letter.ExpiresAt)}. If you did not ask, you need do nothing: your password is unchanged.")),
        ]);

    private RenderedMessage Nudge(NudgeLetter letter, Words t) => Compose(t,
        t.Say($"En påminnelse om {letter.RoundTitle}", $"A reminder about {letter.RoundTitle}"),
        t.Hello(letter.RecipientName),
        [
            Text(string.IsNullOrWhiteSpace(letter.Message)
                ? t.Say($"{letter.CoordinatorName} undrar hur det går med {letter.RoundTitle}.", $"{letter.CoordinatorName} wonders how {letter.RoundTitle} is going.")
                : letter.Message),
            Text(t.Say($"Hälsningar, {letter.CoordinatorName}", $"Best wishes, {letter.CoordinatorName}")),
            Text(t.Say("Din nästa sak finns här:", "Your next thing is here:")),
            Link(options.Value.Link(RoundPath(letter.RoundId))),
        ]);

    private RenderedMessage ThingReleased(ThingReleasedLetter letter, Words t) => Compose(t,
        t.Say($"Ny sak i {letter.Round.Title}: {letter.ThingTitle}", $"New in {letter.Round.Title}: {letter.ThingTitle}"),
        t.Hello(letter.RecipientName),
        [
            Text(t.Say(
                $"Sak {letter.Position}, {letter.ThingTitle}, är nu öppen i {letter.Round.Title} på {letter.Round.LibraryName}. Räkna med ungefär {letter.EstimatedMinutes} minuter.",
                $"Thing {letter.Position}, {letter.ThingTitle}, is now open in {letter.Round.Title} at {letter.Round.LibraryName}. It takes about {letter.EstimatedMinutes} minutes.")),
            Text(t.Say("Du hittar den här:", "You find it here:")),
            Link(options.Value.Link(ThingPath(letter.Round.Id, letter.ThingId))),
        ]);

    private RenderedMessage Deadline(DeadlineLetter letter, Words t) => Compose(t,
        t.Say($"{letter.Round.Title} avslutas {t.Day(letter.Deadline)}", $"{letter.Round.Title} ends on {t.Day(letter.Deadline)}"),
        t.Hello(letter.RecipientName),
        [
            Text(t.Say(
                $"{letter.Round.Title} på {letter.Round.LibraryName} avslutas {t.Day(letter.Deadline)}. Du har {letter.ThingsLeft} {(letter.ThingsLeft == 1 ? "sak" : "saker")} kvar att rapportera.",
                $"{letter.Round.Title} at {letter.Round.LibraryName} ends on {t.Day(letter.Deadline)}. You have {letter.ThingsLeft} {(letter.ThingsLeft == 1 ? "thing" : "things")} left to report.")),
            Text(t.Say("Fortsätt här:", "Carry on here:")),
            Link(options.Value.Link(RoundPath(letter.Round.Id))),
        ]);

    private RenderedMessage SurveyOpen(SurveyOpenLetter letter, Words t) => Compose(t,
        t.Say($"Vad tyckte du om {letter.Round.Title}?", $"What did you think of {letter.Round.Title}?"),
        t.Hello(letter.RecipientName),
        [
            Text(t.Say(
                $"Enkäten om {letter.Round.Title} på {letter.Round.LibraryName} är öppen för dig.{Closes(letter.ClosesOn, t)}",
                $"The survey about {letter.Round.Title} at {letter.Round.LibraryName} is open to you.{Closes(letter.ClosesOn, t)}")),
            Link(options.Value.Link(SurveyPath(letter.Round.Id))),
        ]);

    private RenderedMessage SurveyReminder(SurveyReminderLetter letter, Words t) => Compose(t,
        t.Say($"Påminnelse: enkäten om {letter.Round.Title}", $"Reminder: the survey about {letter.Round.Title}"),
        t.Hello(letter.RecipientName),
        [
            Text(t.Say(
                $"Enkäten om {letter.Round.Title} på {letter.Round.LibraryName} väntar fortfarande på ditt svar.{Closes(letter.ClosesOn, t)} Det här är den enda påminnelsen.",
                $"The survey about {letter.Round.Title} at {letter.Round.LibraryName} is still waiting for your answer.{Closes(letter.ClosesOn, t)} This is the only reminder.")),
            Link(options.Value.Link(SurveyPath(letter.Round.Id))),
        ]);

    private RenderedMessage ReflectionAcknowledged(ReflectionAcknowledgedLetter letter, Words t) => Compose(t,
        t.Say($"{letter.AcknowledgedBy} har läst din reflektion om {letter.ThingTitle}", $"{letter.AcknowledgedBy} has read your reflection on {letter.ThingTitle}"),
        t.Hello(letter.RecipientName),
        [
            Text(t.Say(
                $"{letter.AcknowledgedBy} har läst det du skrev om {letter.ThingTitle} i {letter.Round.Title} på {letter.Round.LibraryName}.",
                $"{letter.AcknowledgedBy} has read what you wrote about {letter.ThingTitle} in {letter.Round.Title} at {letter.Round.LibraryName}.")),
            .. string.IsNullOrWhiteSpace(letter.Comment)
                ? Array.Empty<Paragraph>()
                : [Text(t.Say($"{letter.AcknowledgedBy} skriver: {letter.Comment}", $"{letter.AcknowledgedBy} writes: {letter.Comment}"))],
            Link(options.Value.Link(ThingPath(letter.Round.Id, letter.ThingId))),
        ]);

    private RenderedMessage CoordinatorDigest(CoordinatorDigestLetter letter, Words t)
    {
        var paragraphs = new List<Paragraph>
        {
            Text(t.Say(
                $"Veckan i {letter.Round.Title} på {letter.Round.LibraryName} ({letter.Week}), {letter.Enrolled} deltagare.",
                $"The week in {letter.Round.Title} at {letter.Round.LibraryName} ({letter.Week}), {letter.Enrolled} participants.")),
            Text(letter.Reports.Count == 0
                ? t.Say("Rapporterat i veckan: inget.", "Reported this week: nothing.")
                : t.Say("Rapporterat i veckan: ", "Reported this week: ") + string.Join("; ", letter.Reports.Select(r => $"{r.Person} – {r.ThingTitle}"))),
            Text(letter.AwaitingAcknowledgement.Count == 0
                ? t.Say("Inga reflektioner väntar på kvittens.", "No reflections await acknowledgement.")
                : t.Say($"Väntar på kvittens ({letter.AwaitingAcknowledgement.Count}): ", $"Awaiting acknowledgement ({letter.AwaitingAcknowledgement.Count}): ")
                    + string.Join("; ", letter.AwaitingAcknowledgement.Select(r => $"{r.Person} – {r.ThingTitle}"))),
            Text(letter.Laggards.Count == 0
                ? t.Say("Ingen ligger efter.", "Nobody is behind.")
                : t.Say($"Ligger efter ({letter.Laggards.Count}): ", $"Behind ({letter.Laggards.Count}): ") + string.Join(", ", letter.Laggards)),
            Text(t.Say("Spridningen (rapporterade saker: deltagare): ", "The spread (things reported: participants): ")
                + string.Join(", ", letter.Spread.Select(s => $"{s.ThingsReported}: {s.People}"))),
            Text(t.Say("Uppföljningen finns här:", "The follow-up is here:")),
            Link(options.Value.Link(FollowUpPath(letter.Round.Id))),
        };
        if (letter.Blog is { } blog)
        {
            // Before the link to the follow-up, the last two paragraphs.
            paragraphs.Insert(paragraphs.Count - 2, BlogOfWeek(blog, t));
        }

        return Compose(t, t.Say($"Veckan i {letter.Round.Title}", $"The week in {letter.Round.Title}"), t.Hello(letter.RecipientName), paragraphs);
    }

    private static Paragraph BlogOfWeek(Community.Contracts.BlogWeek blog, Words t) => Text(blog.IsQuiet
        ? t.Say("Bloggen: inget nytt i veckan.", "The blog: nothing new this week.")
        : t.Say(
            $"Bloggen i veckan: {blog.NewPosts} nya inlägg, {blog.NewComments} nya kommentarer; {blog.AwaitingPublication} inlägg väntar på ert beslut om den öppna bloggen.",
            $"The blog this week: {blog.NewPosts} new posts, {blog.NewComments} new comments; {blog.AwaitingPublication} posts await your decision about the public blog."));

    private RenderedMessage BlogDuty(BlogDutyLetter letter, Words t) => Compose(t,
        t.Say($"Din bloggvecka för {letter.LibraryName} börjar {t.Day(letter.WeekOf)}", $"Your blog week for {letter.LibraryName} begins on {t.Day(letter.WeekOf)}"),
        t.Hello(letter.RecipientName),
        [
            Text(t.Say(
                $"Den här veckan är du ansvarig för {letter.LibraryName}s blogg. Skriv ett inlägg, eller be en kollega om ett, och se till att kommentarerna får svar.",
                $"This week you are responsible for the blog of {letter.LibraryName}. Write a post, or ask a colleague for one, and see that comments are answered.")),
            .. letter.MunicipalityCode is { } code
                ? [Text(t.Say("Den öppna bloggen finns här:", "The public blog is here:")), Link(options.Value.Link($"blogg/{code}"))]
                : Array.Empty<Paragraph>(),
        ]);

    private RenderedMessage RoundBlogWeek(RoundBlogWeekLetter letter, Words t) => Compose(t,
        t.Say($"Veckan på bloggen i {letter.Round.Title}", $"The week on the blog of {letter.Round.Title}"),
        t.Hello(letter.RecipientName),
        [
            Text(t.Say(
                $"Det här har hänt på bloggen i {letter.Round.Title} på {letter.Round.LibraryName} i veckan ({letter.Week}).",
                $"This is what happened on the blog of {letter.Round.Title} at {letter.Round.LibraryName} this week ({letter.Week}).")),
            Text(letter.Posts.Count == 0
                ? t.Say("Inga nya inlägg.", "No new posts.")
                : t.Say($"Nya inlägg ({letter.Posts.Count}): ", $"New posts ({letter.Posts.Count}): ") + string.Join("; ", letter.Posts.Select(p => t.Say($"{p.Title} av {p.Author}", $"{p.Title} by {p.Author}")))),
            Text(letter.NewComments switch
            {
                0 => t.Say("Inga nya kommentarer.", "No new comments."),
                1 => t.Say("1 ny kommentar.", "1 new comment."),
                var n => t.Say($"{n} nya kommentarer.", $"{n} new comments."),
            }),
            Text(t.Say("Läs och kommentera här:", "Read and comment here:")),
            Link(options.Value.Link(RoundBlogPath(letter.Round.Id))),
        ]);

    private static string Closes(DateOnly? closesOn, Words t) =>
        closesOn is { } day ? t.Say($" Den stänger {t.Day(day)}.", $" It closes on {t.Day(day)}.") : string.Empty;

    private static Paragraph Text(string text) => new(text, false);

    private static Paragraph Link(string url) => new(url, true);

    private const string PartStart = "<!--part-->";
    private const string PartEnd = "<!--/part-->";
    private const string Signature = "-- \nEn sak i taget\n";
    private const string HtmlSignature = "<p>En sak i taget</p></body></html>";

    private static string HtmlHead(string subject, Words t) =>
        $"<!DOCTYPE html><html lang=\"{t.Language}\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(subject)}</title></head><body>";

    private static RenderedMessage Compose(Words t, string subject, string greeting, IReadOnlyList<Paragraph> paragraphs)
    {
        var text = new StringBuilder().Append(greeting).Append("\n\n");
        var html = new StringBuilder(HtmlHead(subject, t)).Append("<p>").Append(WebUtility.HtmlEncode(greeting)).Append("</p>").Append(PartStart);
        foreach (var paragraph in paragraphs)
        {
            text.Append(paragraph.Content).Append("\n\n");
            var encoded = WebUtility.HtmlEncode(paragraph.Content);
            html.Append(paragraph.IsLink ? $"<p><a href=\"{encoded}\">{encoded}</a></p>" : $"<p>{encoded}</p>");
        }

        text.Append(Signature);
        html.Append(PartEnd).Append(HtmlSignature);
        return new RenderedMessage(subject, text.ToString(), html.ToString());
    }

    private static string Greeting(string text) => text[..Math.Max(0, text.IndexOf("\n\n", StringComparison.Ordinal))];

    private static string TextPart(string text)
    {
        var start = text.IndexOf("\n\n", StringComparison.Ordinal) + 2;
        var end = text.LastIndexOf(Signature, StringComparison.Ordinal);
        return end > start ? text[start..end] : text[start..];
    }

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        var to = from < 0 ? -1 : html.IndexOf(end, from + start.Length, StringComparison.Ordinal);
        return from < 0 || to < 0 ? string.Empty : html[(from + start.Length)..to];
    }

    private sealed record Paragraph(string Content, bool IsLink);

    /// <summary>The recipient's language: Swedish unless they chose English.</summary>
    private sealed record Words(bool InEnglish)
    {
        public string Language => InEnglish ? MessageLanguages.English : MessageLanguages.Swedish;

        public string Say(string swedish, string english) => InEnglish ? english : swedish;

        public string Hello(string name) => Say($"Hej {name}!", $"Hello {name},");

        public string Day(DateOnly day) => day.ToString(InEnglish ? "d MMMM yyyy" : "d MMMM yyyy", InEnglish ? English : Swedish);

        public string Day(DateTimeOffset moment) => Day(DateOnly.FromDateTime(moment.DateTime));
    }
}

/// <summary>For the sender: the letters waiting for one person, as one e-mail.</summary>
public static class CombinedMessages
{
    public static RenderedMessage Combine(IReadOnlyList<RenderedMessage> parts, string language) => MessageTemplates.Combine(parts, language);
}
