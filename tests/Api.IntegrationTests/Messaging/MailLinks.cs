using System.Text.RegularExpressions;
using MimeKit;

namespace EnSakITaget.Api.IntegrationTests.Messaging;

/// <summary>The single-use links the letters carry, as a person would follow them.</summary>
public static class MailLinks
{
    /// <summary>The token of the web app's link to <paramref name="path"/> (such as "aktivera"), which the letter has in its text and in its HTML alike.</summary>
    public static string TokenIn(MimeMessage message, string path)
    {
        var match = Regex.Match(message.TextBody!, $@"https://ensakitaget\.example\.se/{Regex.Escape(path)}\?token=([A-Za-z0-9_%-]+)");
        match.Success.ShouldBeTrue(message.TextBody);
        message.HtmlBody!.ShouldContain(match.Value);
        return Uri.UnescapeDataString(match.Groups[1].Value);
    }
}
