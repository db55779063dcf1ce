using System.Net.Http.Json;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Domain.Identity;

namespace EnSakITaget.Api.IntegrationTests.Access;

/// <summary>What an outsider asking for municipality B's things must get.</summary>
public enum OutsiderAnswer
{
    /// <summary>404: the object is not theirs, and whether it exists does not leak.</summary>
    NotFound,

    /// <summary>200 without any of B's objects in the list.</summary>
    ListWithoutB,

    /// <summary>400 naming the field that refers to B, as if it did not exist.</summary>
    InvalidReference,

    /// <summary>200 with the row that refers to B rejected, as if B's unit did not exist (a file import).</summary>
    RejectedRow,
}

/// <param name="Roles">Who may call it; empty means anyone, anonymous included.</param>
/// <param name="AcceptsApiKey">Whether an integration key may call it.</param>
/// <param name="RequestForB">A request about municipality B's objects; null where the endpoint concerns no library object.</param>
/// <param name="OutsiderAnswer">What an outsider to B gets.</param>
/// <param name="InvalidField">With <see cref="OutsiderAnswer.InvalidReference"/>, the field named.</param>
/// <param name="CountyOwned">The object belongs to county J as a whole (a course), so only another county is an outsider.</param>
public sealed record AccessRule(
    Role[] Roles,
    bool AcceptsApiKey,
    Func<AccessWorld, HttpRequestMessage>? RequestForB,
    OutsiderAnswer OutsiderAnswer = OutsiderAnswer.NotFound,
    string? InvalidField = null,
    bool CountyOwned = false)
{
    public bool IsAnonymous => Roles.Length == 0;

    /// <summary>Outsiders are asked through an endpoint they may call: a coordinator of A, or a county admin of K.</summary>
    public HttpClient Outsider(AccessWorld world) =>
        Roles.Contains(Role.Coordinator) && !CountyOwned ? world.CoordinatorOfA : world.CountyAdminOfK;
}

/// <summary>
/// Every endpoint of the API and who may call it. A new endpoint that is not added here fails
/// <see cref="AccessMatrixTests.Every_endpoint_of_the_api_is_in_the_access_matrix"/>.
/// </summary>
public static class AccessMatrix
{
    private static readonly Role[] Anyone = [];
    private static readonly Role[] SignedIn = [Role.Administrator, Role.CountyAdmin, Role.Coordinator, Role.Participant];
    private static readonly Role[] Staff = [Role.Administrator, Role.CountyAdmin, Role.Coordinator];
    private static readonly Role[] Administration = [Role.Administrator, Role.CountyAdmin];
    private static readonly Role[] Administrators = [Role.Administrator];

    public static readonly IReadOnlyDictionary<string, AccessRule> Rules = new Dictionary<string, AccessRule>
    {
        ["GET /health/live"] = new(Anyone, false, null),
        ["GET /health/ready"] = new(Anyone, false, null),
        ["POST /api/v1/auth/login"] = new(Anyone, false, null),
        ["POST /api/v1/auth/refresh"] = new(Anyone, false, null),
        ["POST /api/v1/auth/browser/login"] = new(Anyone, false, null),
        ["POST /api/v1/auth/browser/refresh"] = new(Anyone, false, null),
        ["POST /api/v1/auth/browser/sign-out"] = new(Anyone, false, null),
        ["POST /api/v1/auth/browser/activate"] = new(Anyone, false, null),
        ["GET /api/v1/me"] = new(SignedIn, false, null),
        ["POST /api/v1/auth/activate"] = new(Anyone, false, null),
        ["POST /api/v1/auth/password-reset"] = new(Anyone, false, null),
        ["POST /api/v1/auth/password-reset/confirm"] = new(Anyone, false, null),
        ["PUT /api/v1/me/password"] = new(SignedIn, false, null),
        ["GET /api/v1/me/notifications"] = new(SignedIn, false, null),
        ["PUT /api/v1/me/notifications"] = new(SignedIn, false, null),

        // The one-click unsubscribe of RFC 8058 works without signing in: the token in the letter's link is the right.
        ["POST /api/v1/unsubscribe/{token}"] = new(Anyone, false, null),
        ["GET /api/v1/unsubscribe/{token}"] = new(Anyone, false, null),
        // A library's public blog is read without signing in; only approved posts are on it (PublicBlogTests).
        ["GET /blogg/{municipalityCode:regex(^[0-9]{{4}}$)}/"] = new(Anyone, false, null),
        ["GET /blogg/{municipalityCode:regex(^[0-9]{{4}}$)}/feed.atom"] = new(Anyone, false, null),
        ["GET /blogg/{municipalityCode:regex(^[0-9]{{4}}$)}/{post}"] = new(Anyone, false, null),
        ["GET /blogg/{**rest}"] = new(Anyone, false, null),

        // The outbox holds every library's mail: administrators alone, county admins included among the refused.
        ["GET /api/v1/outbox/"] = new(Administrators, false, null),
        ["POST /api/v1/outbox/{id:guid}/resend"] = new(Administrators, false, null),

        ["GET /api/v1/libraries/"] = new(Staff, true, _ => Get("/api/v1/libraries/?pageSize=200"), OutsiderAnswer.ListWithoutB),
        ["POST /api/v1/libraries/"] = new(Administration, false,
            w => Send(HttpMethod.Post, "/api/v1/libraries/", new { type = "Branch", name = "Ny filial", parentId = w.MunicipalityB, staffCount = 1 }),
            OutsiderAnswer.InvalidReference, "parentId"),
        ["GET /api/v1/libraries/{id:guid}"] = new(Staff, true, w => Get($"/api/v1/libraries/{w.UnitB1}")),
        ["PUT /api/v1/libraries/{id:guid}"] = new(Administration, false,
            w => Send(HttpMethod.Put, $"/api/v1/libraries/{w.UnitB1}", new { type = "Branch", name = "Omdöpt", parentId = w.MunicipalityB, staffCount = 3 })),
        ["DELETE /api/v1/libraries/{id:guid}"] = new(Administration, false, w => new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/libraries/{w.UnitB1}")),
        ["GET /api/v1/libraries/{id:guid}/tree"] = new(Staff, true, w => Get($"/api/v1/libraries/{w.MunicipalityB}/tree")),

        ["GET /api/v1/users/"] = new(Staff, false, _ => Get("/api/v1/users/?pageSize=200"), OutsiderAnswer.ListWithoutB),
        ["POST /api/v1/users/"] = new(Staff, false,
            w => Send(HttpMethod.Post, "/api/v1/users/", new
            {
                email = "new.participant@test.local", displayName = "Ny deltagare", password = TestUsers.Password,
                roles = new[] { new { role = "Participant", libraryId = w.UnitB1 } },
            }),
            OutsiderAnswer.InvalidReference, "roles[0].libraryId"),
        ["GET /api/v1/users/{id:guid}"] = new(Staff, false, w => Get($"/api/v1/users/{w.CoordinatorB.Id}")),
        ["PUT /api/v1/users/{id:guid}"] = new(Staff, false,
            w => Send(HttpMethod.Put, $"/api/v1/users/{w.CoordinatorB.Id}", new
            {
                email = w.CoordinatorB.Email, displayName = "Omdöpt", roles = new[] { new { role = "Participant", libraryId = w.UnitA1 } },
            })),
        ["DELETE /api/v1/users/{id:guid}"] = new(Staff, false, w => new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/users/{w.CoordinatorB.Id}")),
        ["POST /api/v1/users/{id:guid}/invitation"] = new(Staff, false, w => Post($"/api/v1/users/{w.CoordinatorB.Id}/invitation")),
        ["POST /api/v1/users/{id:guid}/unlock"] = new(Administration, false, w => Post($"/api/v1/users/{w.CoordinatorB.Id}/unlock")),

        ["GET /api/v1/api-keys/"] = new(Administration, false, _ => Get("/api/v1/api-keys/?pageSize=200"), OutsiderAnswer.ListWithoutB),
        ["POST /api/v1/api-keys/"] = new(Administration, false,
            w => Send(HttpMethod.Post, "/api/v1/api-keys/", new { name = "Gnosjö dashboard", libraryId = w.MunicipalityB }),
            OutsiderAnswer.InvalidReference, "libraryId"),
        ["DELETE /api/v1/api-keys/{id:guid}"] = new(Administration, false, w => new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/api-keys/{w.KeyOfJ}")),

        ["GET /api/v1/audit"] = new(Administration, false, _ => Get("/api/v1/audit?pageSize=200"), OutsiderAnswer.ListWithoutB),

        ["GET /api/v1/participants/"] = new(Staff, false, _ => Get("/api/v1/participants/?pageSize=200"), OutsiderAnswer.ListWithoutB),
        ["POST /api/v1/participants/"] = new(Staff, false,
            w => Send(HttpMethod.Post, "/api/v1/participants/", new { name = "Ny", email = "ny@gnosjo.example.se", unitId = w.UnitB1 }),
            OutsiderAnswer.InvalidReference, "unitId"),
        ["GET /api/v1/participants/{id:guid}"] = new(Staff, false, w => Get($"/api/v1/participants/{w.StaffOfB}")),
        ["PUT /api/v1/participants/{id:guid}"] = new(Staff, false,
            w => Send(HttpMethod.Put, $"/api/v1/participants/{w.StaffOfB}", new { name = "Omdöpt", email = "greta@gnosjo.example.se", unitId = w.UnitB1 })),
        ["DELETE /api/v1/participants/{id:guid}"] = new(Staff, false, w => new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/participants/{w.StaffOfB}")),
        ["PUT /api/v1/participants/{id:guid}/leaving"] = new(Staff, false,
            w => Send(HttpMethod.Put, $"/api/v1/participants/{w.StaffOfB}/leaving", new { leftOn = "2010-01-29" })),
        ["DELETE /api/v1/participants/{id:guid}/leaving"] = new(Staff, false,
            w => new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/participants/{w.StaffOfB}/leaving")),
        ["GET /api/v1/participants/{id:guid}/export"] = new(Staff, false, w => Get($"/api/v1/participants/{w.StaffOfB}/export")),
        ["POST /api/v1/participants/{id:guid}/erasure"] = new(Staff, false,
            w => Send(HttpMethod.Post, $"/api/v1/participants/{w.StaffOfB}/erasure", new { reason = "Personen har begärt radering." })),
        ["GET /api/v1/me/export"] = new(SignedIn, false, null),
        ["GET /api/v1/libraries/{id:guid}/retention"] = new(Administration, false, w => Get($"/api/v1/libraries/{w.CountyJ}/retention"), CountyOwned: true),
        ["PUT /api/v1/libraries/{id:guid}/retention"] = new(Administration, false,
            w => Send(HttpMethod.Put, $"/api/v1/libraries/{w.CountyJ}/retention", new { months = 36 }), CountyOwned: true),
        ["POST /api/v1/participants/import"] = new(Staff, false,
            w => new HttpRequestMessage(HttpMethod.Post, "/api/v1/participants/import")
            {
                Content = new StringContent("Namn;E-post;Enhet\nGreta Gran;greta@gnosjo.example.se;Hillerstorps bibliotek\n", System.Text.Encoding.UTF8, "text/csv"),
            },
            OutsiderAnswer.RejectedRow),

        ["GET /api/v1/rounds/{id:guid}/enrolments/"] = new(Staff, false, w => Get($"/api/v1/rounds/{w.RoundOfB}/enrolments/")),
        ["POST /api/v1/rounds/{id:guid}/enrolments/"] = new(Staff, false,
            w => Send(HttpMethod.Post, $"/api/v1/rounds/{w.RoundOfB}/enrolments/", new { participantIds = new[] { w.StaffOfB } })),
        ["PUT /api/v1/rounds/{id:guid}/enrolments/{participantId:guid}"] = new(Staff, false,
            w => Send(HttpMethod.Put, $"/api/v1/rounds/{w.RoundOfB}/enrolments/{w.StaffOfB}", new { attendedKickOff = true })),
        ["DELETE /api/v1/rounds/{id:guid}/enrolments/{participantId:guid}"] = new(Staff, false,
            w => new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/rounds/{w.RoundOfB}/enrolments/{w.StaffOfB}")),
        ["POST /api/v1/rounds/{id:guid}/invitations"] = new(Staff, false,
            w => Send(HttpMethod.Post, $"/api/v1/rounds/{w.RoundOfB}/invitations", new { participantIds = new[] { w.StaffOfB } })),
        ["POST /api/v1/rounds/{id:guid}/pilots"] = new(Staff, false,
            w => Send(HttpMethod.Post, $"/api/v1/rounds/{w.RoundOfB}/pilots", new { email = "pilot@annan-kommun.example.se", unitId = w.UnitA1, name = "Pia Pilot" })),

        ["POST /api/v1/rounds/{id:guid}/things/{thingId:guid}/start"] = new(SignedIn, false,
            w => Post($"/api/v1/rounds/{w.RoundOfB}/things/{w.ThingOfJ}/start")),
        ["POST /api/v1/rounds/{id:guid}/things/{thingId:guid}/report"] = new(SignedIn, false,
            w => Send(HttpMethod.Post, $"/api/v1/rounds/{w.RoundOfB}/things/{w.ThingOfJ}/report", new { text = "Jag startade en blogg." })),
        // The round's closed blog: its participants and whoever runs it; an outsider gets 404 (a participant of another round: CommunityAccessTests).
        ["GET /api/v1/rounds/{id:guid}/posts/"] = new(SignedIn, false, w => Get($"/api/v1/rounds/{w.RoundOfB}/posts/")),
        ["POST /api/v1/rounds/{id:guid}/posts/"] = new(SignedIn, false,
            w => Send(HttpMethod.Post, $"/api/v1/rounds/{w.RoundOfB}/posts/", new { title = "Hej", body = "Text" })),
        ["POST /api/v1/rounds/{id:guid}/posts/from-reflection"] = new(SignedIn, false,
            w => Send(HttpMethod.Post, $"/api/v1/rounds/{w.RoundOfB}/posts/from-reflection", new { thingId = w.ThingOfJ })),
        ["POST /api/v1/rounds/{id:guid}/posts/preview"] = new(SignedIn, false,
            w => Send(HttpMethod.Post, $"/api/v1/rounds/{w.RoundOfB}/posts/preview", new { body = "**Hej**" })),
        ["GET /api/v1/rounds/{id:guid}/posts/{postId:guid}"] = new(SignedIn, false, w => Get($"/api/v1/rounds/{w.RoundOfB}/posts/{w.PostOfB}")),
        ["PUT /api/v1/rounds/{id:guid}/posts/{postId:guid}"] = new(SignedIn, false,
            w => Send(HttpMethod.Put, $"/api/v1/rounds/{w.RoundOfB}/posts/{w.PostOfB}", new { title = "Ändrad", body = "Ändrad" })),
        ["POST /api/v1/rounds/{id:guid}/posts/{postId:guid}/hide"] = new(Staff, false,
            w => Send(HttpMethod.Post, $"/api/v1/rounds/{w.RoundOfB}/posts/{w.PostOfB}/hide", new { reason = "Fel tråd" })),
        ["DELETE /api/v1/rounds/{id:guid}/posts/{postId:guid}/hide"] = new(Staff, false,
            w => new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/rounds/{w.RoundOfB}/posts/{w.PostOfB}/hide")),
        ["POST /api/v1/rounds/{id:guid}/posts/{postId:guid}/publication"] = new(SignedIn, false,
            w => Post($"/api/v1/rounds/{w.RoundOfB}/posts/{w.PostOfB}/publication")),
        ["PUT /api/v1/rounds/{id:guid}/posts/{postId:guid}/publication"] = new(Staff, false,
            w => Send(HttpMethod.Put, $"/api/v1/rounds/{w.RoundOfB}/posts/{w.PostOfB}/publication", new { approve = true })),
        // The library's blog-duty rota: whoever runs training at the municipality (BlogDutyTests).
        ["GET /api/v1/libraries/{id:guid}/blog-duty/"] = new(Staff, false, w => Get($"/api/v1/libraries/{w.MunicipalityB}/blog-duty/")),
        ["PUT /api/v1/libraries/{id:guid}/blog-duty/"] = new(Staff, false,
            w => Send(HttpMethod.Put, $"/api/v1/libraries/{w.MunicipalityB}/blog-duty/", new { volunteers = new[] { w.StaffOfB }, start = "2026-01-05", weeks = 4 })),
        ["POST /api/v1/libraries/{id:guid}/blog-duty/swaps"] = new(Staff, false,
            w => Send(HttpMethod.Post, $"/api/v1/libraries/{w.MunicipalityB}/blog-duty/swaps", new { weekA = "2026-01-05", weekB = "2026-01-12" })),
        ["GET /api/v1/rounds/{id:guid}/blog-duty"] = new(SignedIn, false, w => Get($"/api/v1/rounds/{w.RoundOfB}/blog-duty")),
        ["GET /api/v1/rounds/{id:guid}/posts/{postId:guid}/comments/"] = new(SignedIn, false,
            w => Get($"/api/v1/rounds/{w.RoundOfB}/posts/{w.PostOfB}/comments/")),
        ["POST /api/v1/rounds/{id:guid}/posts/{postId:guid}/comments/"] = new(SignedIn, false,
            w => Send(HttpMethod.Post, $"/api/v1/rounds/{w.RoundOfB}/posts/{w.PostOfB}/comments/", new { body = "Hej" })),
        ["PUT /api/v1/rounds/{id:guid}/posts/{postId:guid}/comments/{commentId:guid}"] = new(SignedIn, false,
            w => Send(HttpMethod.Put, $"/api/v1/rounds/{w.RoundOfB}/posts/{w.PostOfB}/comments/{w.CommentOfB}", new { body = "Ändrad" })),
        ["POST /api/v1/rounds/{id:guid}/posts/{postId:guid}/comments/{commentId:guid}/hide"] = new(Staff, false,
            w => Send(HttpMethod.Post, $"/api/v1/rounds/{w.RoundOfB}/posts/{w.PostOfB}/comments/{w.CommentOfB}/hide", new { reason = "Fel tråd" })),
        ["DELETE /api/v1/rounds/{id:guid}/posts/{postId:guid}/comments/{commentId:guid}/hide"] = new(Staff, false,
            w => new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/rounds/{w.RoundOfB}/posts/{w.PostOfB}/comments/{w.CommentOfB}/hide")),

        ["GET /api/v1/rounds/{id:guid}/reflections"] = new(SignedIn, false, w => Get($"/api/v1/rounds/{w.RoundOfB}/reflections")),
        ["PUT /api/v1/rounds/{id:guid}/enrolments/{participantId:guid}/things/{thingId:guid}/acknowledgement"] = new(Staff, false,
            w => Send(HttpMethod.Put, $"/api/v1/rounds/{w.RoundOfB}/enrolments/{w.StaffOfB}/things/{w.ThingOfJ}/acknowledgement", new { comment = "Fint!" })),
        ["GET /api/v1/rounds/{id:guid}/enrolments/{participantId:guid}/history"] = new(SignedIn, false,
            w => Get($"/api/v1/rounds/{w.RoundOfB}/enrolments/{w.StaffOfB}/history")),
        ["POST /api/v1/rounds/{id:guid}/enrolments/{participantId:guid}/nudges"] = new(Staff, false,
            w => Send(HttpMethod.Post, $"/api/v1/rounds/{w.RoundOfB}/enrolments/{w.StaffOfB}/nudges", new { message = "Hur går det?" })),
        ["GET /api/v1/me/rounds"] = new(SignedIn, false, null),
        ["GET /api/v1/rounds/{id:guid}/progress"] = new(Staff, false, w => Get($"/api/v1/rounds/{w.RoundOfB}/progress")),
        ["GET /api/v1/rounds/{id:guid}/spread"] = new(Staff, false, w => Get($"/api/v1/rounds/{w.RoundOfB}/spread")),
        ["GET /api/v1/rounds/{id:guid}/laggards"] = new(Staff, false, w => Get($"/api/v1/rounds/{w.RoundOfB}/laggards")),
        ["GET /api/v1/rounds/{id:guid}/managers"] = new(Staff, false, w => Get($"/api/v1/rounds/{w.RoundOfB}/managers")),

        ["GET /api/v1/rounds/{id:guid}/survey/"] = new(SignedIn, false, w => Get($"/api/v1/rounds/{w.RoundOfB}/survey/")),
        ["PUT /api/v1/rounds/{id:guid}/survey/"] = new(Staff, false,
            w => Send(HttpMethod.Put, $"/api/v1/rounds/{w.RoundOfB}/survey/", new
            {
                isAnonymous = false, opensWhen = "RoundClosed",
                questions = new[] { new { kind = "Rating", textSv = "Hur var det?", textEn = "How was it?" } },
            })),
        ["POST /api/v1/rounds/{id:guid}/survey/responses"] = new(SignedIn, false,
            w => Send(HttpMethod.Post, $"/api/v1/rounds/{w.RoundOfB}/survey/responses", new
            {
                answers = new[] { new { questionId = Domain.Feedback.Survey.WhatWasGood, text = "Allt." } },
            })),
        ["GET /api/v1/rounds/{id:guid}/survey/summary"] = new(Staff, false, w => Get($"/api/v1/rounds/{w.RoundOfB}/survey/summary")),
        ["GET /api/v1/courses/{id:guid}/survey/summary"] = new(Administration, false,
            w => Get($"/api/v1/courses/{w.CourseOfJ}/survey/summary"), CountyOwned: true),

        ["GET /api/v1/statistics/libraries"] = new(Staff, true, _ => Get("/api/v1/statistics/libraries?pageSize=2000"), OutsiderAnswer.ListWithoutB),
        ["GET /api/v1/statistics/rounds/{id:guid}"] = new(Staff, true, w => Get($"/api/v1/statistics/rounds/{w.RoundOfB}")),

        ["GET /api/v1/courses/"] = new(Staff, false, _ => Get("/api/v1/courses/?pageSize=200"), OutsiderAnswer.ListWithoutB, CountyOwned: true),
        ["POST /api/v1/courses/"] = new(Administration, false,
            w => Send(HttpMethod.Post, "/api/v1/courses/", new { countyId = w.CountyJ, title = "Ny kurs", language = "sv" }),
            OutsiderAnswer.InvalidReference, "countyId"),
        ["GET /api/v1/courses/{id:guid}"] = new(Staff, false, w => Get($"/api/v1/courses/{w.CourseOfJ}"), CountyOwned: true),
        ["PUT /api/v1/courses/{id:guid}"] = new(Administration, false,
            w => Send(HttpMethod.Put, $"/api/v1/courses/{w.CourseOfJ}", new { title = "Omdöpt", language = "sv" })),
        ["POST /api/v1/courses/{id:guid}/things"] = new(Administration, false,
            w => Send(HttpMethod.Post, $"/api/v1/courses/{w.CourseOfJ}/things", new { title = "Ny sak", estimatedMinutes = 30 })),
        ["GET /api/v1/courses/{id:guid}/things/{thingId:guid}"] = new(Staff, false,
            w => Get($"/api/v1/courses/{w.CourseOfJ}/things/{w.ThingOfJ}"), CountyOwned: true),
        ["PUT /api/v1/courses/{id:guid}/things/{thingId:guid}"] = new(Administration, false,
            w => Send(HttpMethod.Put, $"/api/v1/courses/{w.CourseOfJ}/things/{w.ThingOfJ}", new { title = "Ändrad sak", estimatedMinutes = 30 })),
        ["DELETE /api/v1/courses/{id:guid}/things/{thingId:guid}"] = new(Administration, false,
            w => new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/courses/{w.CourseOfJ}/things/{w.ThingOfJ}")),
        ["POST /api/v1/courses/{id:guid}/publish"] = new(Administration, false, w => Post($"/api/v1/courses/{w.CourseOfJ}/publish")),
        ["GET /api/v1/courses/{id:guid}/versions"] = new(Staff, false, w => Get($"/api/v1/courses/{w.CourseOfJ}/versions"), CountyOwned: true),
        ["POST /api/v1/courses/instructions-preview"] = new(Administration, false, null),

        ["GET /api/v1/rounds/"] = new(Staff, false, _ => Get("/api/v1/rounds/?pageSize=200"), OutsiderAnswer.ListWithoutB),
        ["POST /api/v1/rounds/"] = new(Staff, false,
            w => Send(HttpMethod.Post, "/api/v1/rounds/", new { courseId = w.CourseOfJ, homeLibraryId = w.MunicipalityB, kickOff = "2027-02-23", deadline = "2027-08-31" }),
            OutsiderAnswer.InvalidReference, "homeLibraryId"),
        ["POST /api/v1/rounds/plan-preview"] = new(Staff, false,
            w => Send(HttpMethod.Post, "/api/v1/rounds/plan-preview", new
            {
                courseId = w.CourseOfJ, homeLibraryId = w.MunicipalityB, kickOff = "2027-02-23", deadline = "2027-08-31", mode = "Cadence", everyWeeks = 2,
            }),
            OutsiderAnswer.InvalidReference, "homeLibraryId"),
        ["GET /api/v1/rounds/{id:guid}"] = new(Staff, false, w => Get($"/api/v1/rounds/{w.RoundOfB}")),
        ["PUT /api/v1/rounds/{id:guid}"] = new(Staff, false,
            w => Send(HttpMethod.Put, $"/api/v1/rounds/{w.RoundOfB}", new { title = "Omdöpt", kickOff = "2027-02-23", deadline = "2027-09-30" })),
        ["POST /api/v1/rounds/{id:guid}/open"] = new(Staff, false, w => Post($"/api/v1/rounds/{w.RoundOfB}/open")),
        ["POST /api/v1/rounds/{id:guid}/close"] = new(Staff, false, w => Post($"/api/v1/rounds/{w.RoundOfB}/close")),
        ["GET /api/v1/rounds/{id:guid}/schedule"] = new(Staff, false, w => Get($"/api/v1/rounds/{w.RoundOfB}/schedule")),
        ["PUT /api/v1/rounds/{id:guid}/schedule"] = new(Staff, false,
            w => Send(HttpMethod.Put, $"/api/v1/rounds/{w.RoundOfB}/schedule", new { mode = "Cadence", everyWeeks = 2 })),
        ["POST /api/v1/rounds/{id:guid}/release-next"] = new(Staff, false,
            w => Send(HttpMethod.Post, $"/api/v1/rounds/{w.RoundOfB}/release-next", new { expectedReleased = 0 })),
    };

    /// <summary>The ids of B's objects that a list must not show an outsider.</summary>
    public static IEnumerable<Guid> IdsOfB(AccessWorld world) =>
        [world.MunicipalityB, world.UnitB1, world.CoordinatorB.Id, world.KeyOfJ, world.CourseOfJ, world.RoundOfB, world.StaffOfB];

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static HttpRequestMessage Post(string url) => new(HttpMethod.Post, url);

    private static HttpRequestMessage Send(HttpMethod method, string url, object body) =>
        new(method, url) { Content = JsonContent.Create(body, options: HttpAssertions.Json) };
}
