using EnSakITaget.Application.Common;
using EnSakITaget.Domain.Common;
using EnSakITaget.Domain.Courses;
using EnSakITaget.Domain.Feedback;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Domain.Libraries;
using EnSakITaget.Domain.Participants;
using EnSakITaget.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Infrastructure.Persistence.Seeding;

/// <summary>
/// Opt-in demo data from the report: Jönköping county with its thirteen municipalities,
/// Värnamo's city library, five branches and bookmobile, the course "Sociala medier" with its
/// eight things, and Värnamo's round of spring 2010. Twenty invented Värnamo staff, three managers
/// among them, and two pilots from Gislaved and Gnosjö are enrolled, and their first month is
/// played through the round as the report tells it: most have done the first two things, some
/// are ahead, some behind. Beside it runs a second round of the course, open now: it began a few
/// weeks before today, so that reporting, nudging, releasing and the survey can be tried at once,
/// with the demo logins (<see cref="Logins"/>). Running it twice adds nothing.
/// </summary>
internal sealed partial class DemoDataSeeder(
    AppDbContext db, UserManager<AppUser> users, CourseCalendar calendar, IOptions<CoursesOptions> courses, ILogger<DemoDataSeeder> logger)
{
    public const string CountyCode = "06";

    /// <summary>The password of every demo login, printed in the README: the demo seed is refused outside Development.</summary>
    public const string DemoPassword = "Demo-Varnamo-2010";

    public const string CoordinatorEmail = "samordnare@varnamo.example.se";
    public const string CountyAdminEmail = "lansbibliotek@jonkoping.example.se";

    /// <summary>The two Värnamo staff with logins of their own, enrolled in the open round.</summary>
    public static readonly string[] ParticipantLogins = ["karin.sjoberg@varnamo.example.se", "johan.lundgren@varnamo.example.se"];

    /// <summary>Every demo login: who they are, and what they are.</summary>
    public static readonly (string Email, string DisplayName, Role Role)[] Logins =
    [
        (CoordinatorEmail, "Malin Ekdahl", Role.Coordinator),
        (CountyAdminEmail, "Ulla Persson", Role.CountyAdmin),
        (ParticipantLogins[0], "Karin Sjöberg", Role.Participant),
        (ParticipantLogins[1], "Johan Lundgren", Role.Participant),
    ];

    private static readonly (string Name, string Code)[] Municipalities =
    [
        ("Aneby", "0604"), ("Gnosjö", "0617"), ("Mullsjö", "0642"), ("Habo", "0643"), ("Gislaved", "0662"),
        ("Vaggeryd", "0665"), ("Jönköping", "0680"), ("Nässjö", "0682"), ("Värnamo", "0683"), ("Sävsjö", "0684"),
        ("Vetlanda", "0685"), ("Eksjö", "0686"), ("Tranås", "0687"),
    ];

    private const string CityLibrary = "Värnamo stadsbibliotek";

    private static readonly (LibraryNodeType Type, string Name, int Staff)[] VarnamoUnits =
    [
        (LibraryNodeType.MainLibrary, CityLibrary, 11),
        (LibraryNodeType.Branch, "Bors bibliotek", 2),
        (LibraryNodeType.Branch, "Bredaryds bibliotek", 1),
        (LibraryNodeType.Branch, "Forsheda bibliotek", 2),
        (LibraryNodeType.Branch, "Rydaholms bibliotek", 1),
        (LibraryNodeType.Branch, "Horda bibliotek", 1),
        (LibraryNodeType.Bookmobile, "Bokbussen", 2),
    ];

    private static readonly (string MunicipalityCode, string Name, int Staff)[] PilotLibraries =
    [
        ("0662", "Gislaveds bibliotek", 9),
        ("0617", "Gnosjö bibliotek", 4),
    ];

    private static readonly DemoParticipant[] VarnamoStaff =
    [
        new("Margareta Lindqvist", CityLibrary, "Bibliotekschef", [Feb(24), Mar(3), Mar(22)]) { IsManager = true },
        new("Anders Bergström", CityLibrary, "Bibliotekarie", [Feb(26), Mar(17)]),
        new("Karin Sjöberg", CityLibrary, "Bibliotekarie", [Feb(23), Mar(1), Mar(15)]),
        new("Eva Holm", CityLibrary, "Bibliotekarie", [Mar(2), Mar(16)]),
        new("Lars Nyström", CityLibrary, "Biblioteksassistent", [Mar(4), Mar(18)]),
        new("Birgitta Åkesson", CityLibrary, "Biblioteksassistent", [Mar(9), Mar(22)]),
        new("Johan Lundgren", CityLibrary, "Barnbibliotekarie", [Feb(25), Mar(16)]),
        new("Maria Gustavsson", CityLibrary, "Biblioteksassistent", [Mar(11)]),
        new("Ingrid Fransson", CityLibrary, "Biblioteksassistent", []) { AtKickOff = false },
        new("Per Sandberg", CityLibrary, "Bibliotekarie", [Mar(1), Mar(19)]),
        new("Annika Ek", CityLibrary, "Bibliotekarie", [Mar(5), Mar(23)]),
        new("Helena Strand", "Bors bibliotek", "Filialansvarig", [Mar(2), Mar(17)]) { IsManager = true },
        new("Kerstin Blom", "Bors bibliotek", "Biblioteksassistent", [Mar(8), Mar(19)]),
        new("Gunnel Axelsson", "Bredaryds bibliotek", "Biblioteksassistent", []) { AtKickOff = false, StartedNextOn = Mar(15) },
        new("Ulf Håkansson", "Forsheda bibliotek", "Filialansvarig", []) { IsManager = true, AtKickOff = false },
        new("Sofia Engström", "Forsheda bibliotek", "Biblioteksassistent", [Mar(3), Mar(22)]),
        new("Lena Wikström", "Rydaholms bibliotek", "Bibliotekarie", [Mar(10)]),
        new("Britt Svensson", "Horda bibliotek", "Biblioteksassistent", [Mar(5), Mar(18)]),
        new("Mats Carlsson", "Bokbussen", "Biblioteksassistent", [Mar(8), Mar(23)]),
        new("Elin Forsberg", "Bokbussen", "Bibliotekarie", [Feb(26), Mar(16)]),
    ];

    private static readonly DemoParticipant[] Pilots =
    [
        new("Camilla Dahl", "Gislaveds bibliotek", "Bibliotekarie", [Feb(23), Feb(25), Mar(8), Mar(22)]) { EmailDomain = "gislaved.example.se" },
        new("Jenny Olofsson", "Gnosjö bibliotek", "Bibliotekarie", [Mar(1), Mar(17)]) { AtKickOff = false, EmailDomain = "gnosjo.example.se" },
    ];

    /// <summary>What participants wrote on things 1 to 4, handed out in turn.</summary>
    private static readonly string[][] Reflections =
    [
        [
            "Jag har loggat in och fyllt i min profil. Det var lättare än jag trodde!",
            "Det tog en stund att hitta bland alla menyer, men nu är jag igång.",
            "Kul att se att så många kolleger redan har skrivit något. Nu har jag också gjort det.",
            "Jag var nervös för att göra fel, men det gick bra. Skönt att bloggen bara är för oss.",
            "Profilen är klar, med bild och allt. Nu ser jag fram emot nästa sak.",
            "Plattformen är lite rörig, men med instruktionerna gick det.",
        ],
        [
            "Jag har startat min blogg – det var lättare än jag trodde!",
            "En blogg kan visa vad som händer på biblioteket mellan programpunkterna: nya böcker, tips, bilder.",
            "Jag läste flera biblioteksbloggar och kommenterade ett inlägg om bokcirklar. Roligt att få svar!",
            "Bloggen kunde bli ett sätt att nå dem som aldrig kommer in till oss.",
            "Mitt första inlägg handlar om min favoritdeckare. Vem vet, det kanske blir fler.",
            "Jag tvekade länge om vad jag skulle skriva, men bestämde mig för att bara börja.",
        ],
        [
            "Jag har tittat på hur några bibliotek använder Facebook. Vi kunde lägga upp program och boktips där.",
            "Jag skapade ett konto, men jag vill hålla isär jobb och privatliv. Det behöver vi prata om.",
            "Facebook kunde vara bra för bokbussens turlista och ändringar i sista stund.",
        ],
        [
            "Google Kalender kunde ersätta vår pappersalmanacka för programverksamheten.",
        ],
        [
            "Jag lade till en källa i artikeln om Vandalorum. Spännande att se hela historiken bakom en sida.",
        ],
        [
            "Vi kunde visa bokbussens turer och sagostunderna mer, gärna med bilder.",
        ],
        [
            "Jag filmade bokcirkelns hylla med nya böcker och bäddade in filmen i min blogg.",
        ],
        [
            "Min spellista heter \"Lugnt i läsesalen\". Lyssna gärna!",
        ],
    ];

    private static readonly (string Name, int Thing, DateOnly Day, string Comment)[] Acknowledgements =
    [
        ("Karin Sjöberg", 1, Feb(24), "Vad roligt att du kom igång redan samma dag som uppstarten!"),
        ("Camilla Dahl", 2, Feb(26), "Fint första blogginlägg – roligt med en testpilot från Gislaved!"),
        ("Anders Bergström", 1, Mar(1), "Välkommen in! Skönt att höra att det gick smidigt."),
        ("Margareta Lindqvist", 2, Mar(4), "Härligt att du som chef går före – det märks i personalgruppen."),
        ("Lena Wikström", 1, Mar(11), "Bra skrivet! Hör av dig om du vill ha hjälp med bloggen."),
        ("Eva Holm", 2, Mar(17), "Tack för tipsen – dem tar vi med till personalmötet."),
    ];

    private static readonly (string Name, DateOnly Day, string Message)[] Nudges =
        [("Gunnel Axelsson", Mar(19), "Hej! Hur går det med lärplattformen? Säg till om du vill ha hjälp att komma vidare.")];

    private static readonly Actor Coordinator = new(null, "demo");

    /// <summary>How long the open round has run: its kick-off was this many days before today.</summary>
    public const int OpenRoundDaysRunning = 24;

    /// <summary>The open round releases a thing every two weeks: two are out, the third is due in a few days.</summary>
    public const int OpenRoundCadenceWeeks = 2;

    /// <summary>
    /// Who takes part in the open round, and on which day after its kick-off they reported things
    /// 1, 2, …: Karin has worked ahead through all eight, so the survey is open to her; Johan has
    /// started the second thing and can report it; Maria and Lars are the laggards.
    /// </summary>
    private static readonly (string Name, int[] ReportedOnDay, int? StartedNextOnDay, bool AtKickOff)[] OpenRoundPlay =
    [
        ("Karin Sjöberg", [0, 1, 3, 6, 9, 13, 17, 21], null, true),
        ("Johan Lundgren", [2], 16, true),
        ("Margareta Lindqvist", [1, 15], null, true),
        ("Anders Bergström", [3, 18], null, true),
        ("Per Sandberg", [4, 14], 20, true),
        ("Eva Holm", [5], 15, true),
        ("Elin Forsberg", [6, 16], null, true),
        ("Helena Strand", [7, 19], null, true),
        ("Maria Gustavsson", [2], null, false),
        ("Lars Nyström", [], null, true),
    ];

    private static readonly (string Name, int Thing, int Day, string Comment)[] OpenRoundAcknowledgements =
    [
        ("Karin Sjöberg", 1, 1, "Snabbt jobbat – och du verkar redan ha tagit dig an nästa sak!"),
        ("Johan Lundgren", 1, 3, "Kul att du är igång, Johan!"),
        ("Margareta Lindqvist", 2, 16, "Tack för ett inspirerande blogginlägg."),
    ];

    private static readonly (string Name, int Day, string Message)[] OpenRoundNudges =
        [("Lars Nyström", 14, "Hej Lars! Bloggen är ute nu. Hör av dig om du vill ha hjälp med första saken.")];

    /// <summary>The report's round: kick-off 23 February 2010, a thing every three weeks, nothing over the summer, done by the end of August.</summary>
    public static readonly DateOnly KickOff = new(2010, 2, 23);
    public static readonly DateOnly Deadline = new(2010, 8, 31);
    public static readonly DateRange SummerPause = new(new DateOnly(2010, 6, 21), new DateOnly(2010, 8, 8));

    /// <summary>A month after the kick-off: where the seeded progress stops.</summary>
    public static readonly DateOnly FollowUpDay = new(2010, 3, 23);

    private static readonly DateOnly InvitationDay = new(2010, 2, 16);

    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(courses.Value.TimeZone);

    private static readonly ThingContent[] SocialMediaThings =
    [
        Thing("Lärplattformen", "Logga in på kursens plattform, fyll i din profil och skriv en första rad om vem du är.", 30,
            "Berätta i ett blogginlägg hur det gick att komma igång."),
        Thing("Bloggar", "Starta en egen blogg, läs några biblioteksbloggar och kommentera ett inlägg.", 60,
            "Skriv ditt första riktiga blogginlägg: vad kan en blogg ge biblioteket?", "https://sv.wikipedia.org/wiki/Blogg"),
        Thing("Facebook", "Skapa ett konto eller titta på hur andra bibliotek använder sina sidor.", 45,
            "Vad skulle vårt bibliotek kunna göra på Facebook?", "https://www.facebook.com"),
        Thing("Google", "Prova Googles tjänster utöver sökningen: kalender, dokument, kartor.", 45,
            "Vilken tjänst kan du ha nytta av i arbetet?", "https://www.google.se"),
        Thing("Wikipedia", "Läs om hur Wikipedia skrivs, och förbättra eller skapa en artikel om något lokalt.", 60,
            "Vad tänker du nu om Wikipedia som källa?", "https://sv.wikipedia.org"),
        Thing("Biblioteket", "Titta på hur andra bibliotek syns i sociala medier.", 45,
            "Ge ett förslag på hur vårt bibliotek kan synas mer."),
        Thing("Bild & film", "Lägg upp en bild eller en kort film och prova att bädda in den i din blogg.", 60,
            "Visa och berätta om det du har lagt upp.", "https://www.youtube.com"),
        Thing("Musik", "Lyssna på musik på nätet och skapa en spellista.", 30,
            "Dela din spellista och berätta vad du valde."),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Libraries.AnyAsync(n => n.Type == LibraryNodeType.County && n.Code == CountyCode, cancellationToken))
        {
            LogAlreadySeeded();
            return;
        }

        // The logins save through their own manager: one transaction keeps the seed all or nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = calendar.Now;
        var county = AddLibraries(now);
        var logins = NewLogins();
        var (course, round) = AddCourseAndRound(county, now);
        var participants = EnrolStaffAndPilots(round, now);
        Play(round, participants, KickOff, FollowUpDay, Coordinator, Acknowledgements, Nudges);
        db.Enrolments.AddRange(participants.Select(p => p.Enrolment));

        var openRound = AddOpenRound(course, logins[CoordinatorEmail]);
        db.Enrolments.AddRange(PlayTheOpenRound(openRound, logins[CoordinatorEmail]).Select(p => p.Enrolment));

        foreach (var (email, _, role) in Logins)
        {
            // Each role with its account: the first save of the manager's saves everything added so far.
            db.RoleAssignments.Add(RoleOf(logins[email], role, county));
            var result = await users.CreateAsync(logins[email], DemoPassword);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"The demo login {email} could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogSeeded(Municipalities.Length, VarnamoUnits.Length, VarnamoStaff.Length, Pilots.Length, IsoDate(FollowUpDay),
            openRound.Title, IsoDate(openRound.KickOff), string.Join(", ", Logins.Select(l => l.Email)));
    }

    private LibraryNode AddLibraries(DateTimeOffset now)
    {
        var county = LibraryNode.Create(new(LibraryNodeType.County, "Jönköpings län", CountyCode), parent: null, now);
        db.Libraries.Add(county);
        foreach (var (name, code) in Municipalities)
        {
            var municipality = LibraryNode.Create(new(LibraryNodeType.Municipality, $"{name} kommuns bibliotek", code), county, now);
            db.Libraries.Add(municipality);
            if (code == "0683")
            {
                db.Libraries.AddRange(VarnamoUnits.Select(unit =>
                    LibraryNode.Create(new(unit.Type, unit.Name, StaffCount: unit.Staff), municipality, now)));
            }
        }

        foreach (var (code, name, staff) in PilotLibraries)
        {
            var municipality = db.Libraries.Local.Single(n => n.Code == code);
            db.Libraries.Add(LibraryNode.Create(new(LibraryNodeType.MainLibrary, name, StaffCount: staff), municipality, now));
        }

        return county;
    }

    /// <summary>The demo accounts, saved with their password and role at the end (<see cref="RoleOf"/>).</summary>
    private Dictionary<string, AppUser> NewLogins() => Logins.ToDictionary(
        login => login.Email,
        login => new AppUser { Id = Guid.CreateVersion7(), Email = login.Email, UserName = login.Email, DisplayName = login.DisplayName, CreatedAt = calendar.Now });

    private RoleAssignment RoleOf(AppUser account, Role role, LibraryNode county) => RoleAssignment.Grant(account.Id, role, role switch
    {
        Role.CountyAdmin => (county.Id, LibraryLevel.County),
        Role.Coordinator => (db.Libraries.Local.Single(n => n.Code == "0683").Id, LibraryLevel.Municipality),
        // A participant's role lies where their staff record is: that is how the account finds it.
        _ => (db.Libraries.Local.Single(n => n.Name == VarnamoStaff.Single(p => p.Email == account.Email).Unit).Id, LibraryLevel.Unit),
    });

    private (Course Course, Round Round) AddCourseAndRound(LibraryNode county, DateTimeOffset now)
    {
        var course = Course.Create(county.Id, "Sociala medier",
            "Lär dig sociala medier en sak i taget, i din egen takt, tillsammans med dina kolleger.", "sv", now);
        foreach (var thing in SocialMediaThings)
        {
            course.AddThing(thing, position: null, now);
        }

        var version = course.Publish(now);
        db.Courses.Add(course);
        db.CourseVersions.Add(version);

        var varnamo = db.Libraries.Local.Single(n => n.Code == "0683");
        var round = Round.Plan(version, varnamo.Id, "Sociala medier – Värnamo 2010", [], KickOff, Deadline, workAheadAllowed: true, now);
        round.PlanCadence(everyWeeks: 3, [SummerPause], today: KickOff);
        round.Open(KickOff, now);
        db.Rounds.Add(round);
        return (course, round);
    }

    private List<Participation> EnrolStaffAndPilots(Round round, DateTimeOffset now)
    {
        var invitedAt = At(InvitationDay, hour: 10);
        var people = VarnamoStaff.Select(person => (Person: person, IsPilot: false))
            .Concat(Pilots.Select(person => (Person: person, IsPilot: true)));
        return [.. people.Select((entry, index) =>
        {
            var (person, isPilot) = entry;
            var unit = db.Libraries.Local.Single(n => n.Name == person.Unit);
            var staff = StaffMember.Register(new StaffDetails(person.Name, person.Email, unit.Id, person.Title, person.IsManager), now);
            db.StaffMembers.Add(staff);
            var enrolment = Enrolment.Invite(round.Id, round.HomeLibraryId, staff.Id, isPilot, Coordinator, invitedAt);
            return new Participation(person, new Actor(null, staff.Email), enrolment, index);
        })];
    }

    /// <summary>
    /// The course again for Värnamo, running now: planned three weeks before a kick-off
    /// <see cref="OpenRoundDaysRunning"/> days ago, a thing every <see cref="OpenRoundCadenceWeeks"/> weeks,
    /// run by the demo coordinator, with the report's survey open to each participant who completes.
    /// </summary>
    private Round AddOpenRound(Course course, AppUser coordinator)
    {
        var kickOff = calendar.Today.AddDays(-OpenRoundDaysRunning);
        var plannedAt = At(kickOff.AddDays(-21), hour: 10);
        var version = db.CourseVersions.Local.Single(v => v.CourseId == course.Id);
        var season = kickOff.Month <= 6 ? "våren" : "hösten";
        var round = Round.Plan(version, db.Libraries.Local.Single(n => n.Code == "0683").Id,
            $"Sociala medier – Värnamo {season} {kickOff.Year}", [coordinator.Id], kickOff,
            kickOff.AddDays((7 * OpenRoundCadenceWeeks * (SocialMediaThings.Length - 1)) + 21), workAheadAllowed: true, plannedAt);
        round.PlanCadence(OpenRoundCadenceWeeks, [], today: kickOff.AddDays(-21));
        round.Open(kickOff.AddDays(-7), At(kickOff.AddDays(-7), hour: 9));
        db.Rounds.Add(round);

        var survey = Survey.CreateDefault(round.Id, round.HomeLibraryId, round.CourseId, plannedAt);
        survey.Change(new SurveySettings(IsAnonymous: true, SurveyOpening.ParticipantCompleted, ClosesOn: null, Survey.DefaultQuestions),
            roundClosed: false, anyoneCompleted: false, plannedAt);
        db.Surveys.Add(survey);
        return round;
    }

    /// <summary>The open round from its invitations to yesterday: nothing in it lies in the future.</summary>
    private List<Participation> PlayTheOpenRound(Round round, AppUser coordinatorAccount)
    {
        var coordinator = new Actor(coordinatorAccount.Id, coordinatorAccount.Email!);
        var kickOff = round.KickOff;
        var invitedAt = At(kickOff.AddDays(-7), hour: 10);
        var participants = OpenRoundPlay.Select((entry, index) =>
        {
            var staff = db.StaffMembers.Local.Single(s => s.Name == entry.Name);
            var person = VarnamoStaff.Single(p => p.Name == entry.Name) with
            {
                Reported = [.. entry.ReportedOnDay.Select(kickOff.AddDays)],
                StartedNextOn = entry.StartedNextOnDay is { } day ? kickOff.AddDays(day) : null,
                AtKickOff = entry.AtKickOff,
            };
            var enrolment = Enrolment.Invite(round.Id, round.HomeLibraryId, staff.Id, isPilot: false, coordinator, invitedAt);
            return new Participation(person, new Actor(null, staff.Email), enrolment, index);
        }).ToList();

        Play(round, participants, kickOff, calendar.Today.AddDays(-1), coordinator,
            [.. OpenRoundAcknowledgements.Select(a => (a.Name, a.Thing, kickOff.AddDays(a.Day), a.Comment))],
            [.. OpenRoundNudges.Select(n => (n.Name, kickOff.AddDays(n.Day), n.Message))]);
        return participants;
    }

    /// <summary>
    /// Plays a round from its kick-off to <paramref name="until"/>, moment by moment: the
    /// releases as they fall due, the kick-off, each participant's starts and reports, and the
    /// coordinator's acknowledgements and nudges.
    /// </summary>
    private void Play(
        Round round, IReadOnlyList<Participation> participants, DateOnly kickOff, DateOnly until, Actor coordinator,
        IReadOnlyList<(string Name, int Thing, DateOnly Day, string Comment)> acknowledgements,
        IReadOnlyList<(string Name, DateOnly Day, string Message)> nudges)
    {
        var timeline = new List<(DateTimeOffset At, Action Happen)>();
        void On(DateOnly day, int hour, Action<DateTimeOffset> happen)
        {
            var moment = At(day, hour);
            timeline.Add((moment, () => happen(moment)));
        }

        foreach (var day in Enumerable.Range(0, until.DayNumber - kickOff.DayNumber + 1).Select(kickOff.AddDays))
        {
            On(day, hour: 9, now => round.ReleaseDue(day, now));
        }

        foreach (var participant in participants)
        {
            var (person, self, enrolment) = (participant.Person, participant.Self, participant.Enrolment);
            if (person.AtKickOff)
            {
                On(kickOff, hour: 11, now => enrolment.RecordKickOffAttendance(attended: true, coordinator, now));
            }

            foreach (var (day, position) in person.Reported.Select((day, i) => (day, i + 1)))
            {
                On(day, hour: 13, now => enrolment.Start(TermsOf(round), TermsOf(round, position), self, now));
                On(day, hour: 15, now =>
                    enrolment.Report(TermsOf(round), TermsOf(round, position), participant.ReflectionOn(position, day), self, now));
            }

            if (person.StartedNextOn is { } startedOn)
            {
                On(startedOn, hour: 13, now => enrolment.Start(TermsOf(round), TermsOf(round, person.Reported.Length + 1), self, now));
            }
        }

        var byName = participants.ToDictionary(p => p.Person.Name, p => p.Enrolment);
        foreach (var (name, position, day, comment) in acknowledgements)
        {
            On(day, hour: 16, now => byName[name].Acknowledge(TermsOf(round, position).Id, comment, coordinator, now));
        }

        foreach (var (name, day, message) in nudges)
        {
            On(day, hour: 16, now => byName[name].Nudge(TermsOf(round), message, TimeSpan.FromDays(7), coordinator, now));
        }

        foreach (var (_, happen) in timeline.OrderBy(step => step.At))
        {
            happen();
        }
    }

    private static RoundTerms TermsOf(Round round) =>
        new(IsOpen: round.Status == RoundStatus.Open, IsClosed: round.Status == RoundStatus.Closed,
            round.WorkAheadAllowed, round.Things.Count);

    /// <summary>The thing as it stands at the moment: released or not.</summary>
    private static ThingTerms TermsOf(Round round, int position)
    {
        var thing = round.Things.Single(t => t.Position == position);
        return new(thing.Id, thing.Position, thing.Title, thing.ReleasedAt, thing.PlannedDate);
    }

    /// <summary>The libraries' local time on a day, stored as UTC as PostgreSQL wants it.</summary>
    private DateTimeOffset At(DateOnly day, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static string IsoDate(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly Feb(int day) => new(2010, 2, day);

    private static DateOnly Mar(int day) => new(2010, 3, day);

    private static ThingContent Thing(string title, string instructions, int minutes, string reportPrompt, params string[] links) =>
        new(title, instructions, links, minutes, reportPrompt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data is already there; nothing added")]
    private partial void LogAlreadySeeded();

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Seeded demo data: Jönköpings län, {MunicipalityCount} municipalities, {UnitCount} Värnamo units, "
            + "the course Sociala medier, Värnamo's round of 2010 with {StaffCount} staff and {PilotCount} pilots enrolled "
            + "and their progress up to {FollowUpDay}, the open round {OpenRound} since {OpenRoundKickOff}, and the demo logins {Logins}")]
    private partial void LogSeeded(
        int municipalityCount, int unitCount, int staffCount, int pilotCount, string followUpDay, string openRound, string openRoundKickOff, string logins);

    /// <summary>An invented participant of the demo round.</summary>
    /// <param name="Reported">The days on which they reported things 1, 2, … in turn.</param>
    private sealed record DemoParticipant(string Name, string Unit, string Title, DateOnly[] Reported)
    {
        public bool IsManager { get; init; }
        public bool AtKickOff { get; init; } = true;

        /// <summary>The day they started the thing after their last report, without reporting it yet.</summary>
        public DateOnly? StartedNextOn { get; init; }

        public string EmailDomain { get; init; } = "varnamo.example.se";

        /// <summary>firstname.lastname in ASCII.</summary>
        public string EmailName =>
            string.Join('.', Name.Split(' ')).ToLowerInvariant().Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o');

        public string Email => $"{EmailName}@{EmailDomain}";
    }

    /// <param name="Index">Their place among all participants: who gets which reflection, and who links to a blog post.</param>
    private sealed record Participation(DemoParticipant Person, Actor Self, Enrolment Enrolment, int Index)
    {
        public Reflection ReflectionOn(int position, DateOnly day)
        {
            var texts = Reflections[position - 1];
            var link = position >= 2 && Index % 2 == 0
                ? $"https://bloggar.example.se/{Person.EmailName.Replace('.', '-')}/{day.Year}/{day.Month:00}/sak-{position}"
                : null;
            return new Reflection(texts[Index % texts.Length], link);
        }
    }
}
