using System.ComponentModel.DataAnnotations;
using System.Net;
using EnSakITaget.Api.Common;
using EnSakITaget.Application.Messaging.Notifications;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Messaging;

internal sealed class NotificationEndpoints : IEndpointGroup
{
    /// <summary>The letter's token: 24 random bytes, base64url (see NotificationSettings).</summary>
    private const int TokenLength = 32;
    private const string TokenPattern = "^[A-Za-z0-9_-]+$";
    private const int KindsLength = 200;
    private const string KindsPattern = "^[A-Za-z,]*$";

    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/me/notifications", GetNotifications)
            .WithTags("Messaging")
            .RequirePolicy(Policies.SignedIn)
            .WithSummary("What e-mail I get: per kind at once, in a weekly e-mail or not at all, and in which language.");

        api.MapPut("/me/notifications", UpdateNotifications)
            .WithTags("Messaging")
            .RequirePolicy(Policies.SignedIn)
            .WithSummary("Choose what e-mail I get; a kind left out keeps its choice. Invitations and password resets always go.")
            .ProducesValidationProblem();

        // RFC 8058: the mail program posts List-Unsubscribe=One-Click to the letter's link, without signing in.
        api.MapPost("/unsubscribe/{token}", Unsubscribe)
            .WithTags("Messaging")
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimits.Login)
            .WithSummary("One-click unsubscribe (RFC 8058) with the token from an e-mail's List-Unsubscribe: turns off the kinds named, or all one may choose about.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        // A person who opens the link in a browser is asked to confirm: a link checker that follows it turns nothing off.
        api.MapGet("/unsubscribe/{token}", ConfirmUnsubscribe)
            .WithTags("Messaging")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .WithSummary("A small page, in Swedish, with a button that unsubscribes; nothing changes until it is pressed.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html");
    }

    private static async Task<Ok<NotificationSettingsDto>> GetNotifications(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetNotificationsQuery(), cancellationToken));

    private static async Task<Ok<NotificationSettingsDto>> UpdateNotifications(UpdateNotificationsCommand update, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(update, cancellationToken));

    /// <summary>A mail program gets JSON; a person who pressed the page's button gets a page that says it is done.</summary>
    private static async Task<Results<Ok<UnsubscribedDto>, ContentHttpResult>> Unsubscribe(
        [StringLength(TokenLength, MinimumLength = TokenLength), RegularExpression(TokenPattern)] string token, HttpContext context, ISender sender,
        CancellationToken cancellationToken, [StringLength(KindsLength), RegularExpression(KindsPattern)] string? kinds = null)
    {
        var done = await sender.Send(new UnsubscribeCommand(token, kinds), cancellationToken);
        if (!context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Ok(done);
        }

        return TypedResults.Content(
            Page("Klart", "<p>Du får inte längre den här sortens e-post från En sak i taget. Du kan ändra dig under Inställningar när du är inloggad.</p>"),
            "text/html; charset=utf-8");
    }

    private static string Page(string heading, string body) =>
        $"""
        <!DOCTYPE html>
        <html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{heading} – En sak i taget</title></head>
        <body><main><h1>{heading}</h1>{body}</main></body></html>
        """;

    private static ContentHttpResult ConfirmUnsubscribe(
        [StringLength(TokenLength, MinimumLength = TokenLength), RegularExpression(TokenPattern)] string token, HttpContext context,
        [StringLength(KindsLength), RegularExpression(KindsPattern)] string? kinds = null)
    {
        var action = WebUtility.HtmlEncode($"{context.Request.PathBase}{context.Request.Path}{context.Request.QueryString}");
        return TypedResults.Content(
            Page("Avsluta e-post från En sak i taget",
                "<p>Vill du inte längre få den här sortens e-post? Inbjudningar och återställda lösenord skickas ändå.</p>"
                + $"<form method=\"post\" action=\"{action}\"><button type=\"submit\">Ja, avsluta</button></form>"
                + "<p>Du kan ändra dig när som helst under Inställningar när du är inloggad.</p>"),
            "text/html; charset=utf-8");
    }
}
