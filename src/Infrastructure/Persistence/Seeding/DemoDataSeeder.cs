using EnSakITaget.Domain.Courses;
using EnSakITaget.Domain.Libraries;
using EnSakITaget.Domain.Participants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EnSakITaget.Infrastructure.Persistence.Seeding;

/// <summary>
/// Opt-in demo data from the report: Jönköping county with its thirteen municipalities,
/// Värnamo's city library, five branches and bookmobile, the course "Sociala medier" with its
/// eight things, and Värnamo's round of spring 2010. Twenty invented Värnamo staff, three managers
/// among them, and two pilots from Gislaved and Gnosjö are enrolled, and their first month is
/// played through the round as the report tells it: most have done the first two things, some
/// are ahead, some behind. Running it twice adds nothing.
/// </summary>
public sealed partial class DemoDataSeeder(AppDbContext db, TimeProvider time, ILogger<DemoDataSeeder> logger)
{
    public const string CountyCode = "06";

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

    private static readonly (string Name, DateOnly Day, string Message) LaggardNudge =
        ("Gunnel Axelsson", Mar(19), "Hej! Hur går det med lärplattformen? Säg till om du vill ha hjälp att komma vidare.");

    private static readonly Actor Coordinator = new(null, "demo");

    /// <summary>The report's round: kick-off 23 February 2010, a thing every three weeks, nothing over the summer, done by the end of August.</summary>
    public static readonly DateOnly KickOff = new(2010, 2, 23);
    public static readonly DateOnly Deadline = new(2010, 8, 31);
    public static readonly DateRange SummerPause = new(new DateOnly(2010, 6, 21), new DateOnly(2010, 8, 8));

    /// <summary>A month after the kick-off: where the seeded progress stops.</summary>
    public static readonly DateOnly FollowUpDay = new(2010, 3, 23);

    private static readonly DateOnly InvitationDay = new(2010, 2, 16);
    private static readonly TimeSpan StockholmWinterOffset = TimeSpan.FromHours(1);

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

        var now = time.GetUtcNow();
        var county = AddLibraries(now);
        var round = AddCourseAndRound(county, now);
        var participants = EnrolStaffAndPilots(round, now);
        PlayTheFirstMonth(round, participants);
        db.Enrolments.AddRange(participants.Select(p => p.Enrolment));
        CountTheReports(round);

        await db.SaveChangesAsync(cancellationToken);
        LogSeeded(Municipalities.Length, VarnamoUnits.Length, VarnamoStaff.Length, Pilots.Length, FollowUpDay);
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

    private Round AddCourseAndRound(LibraryNode county, DateTimeOffset now)
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
        return round;
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
    /// Plays the round from the kick-off to the follow-up a month later, moment by moment: the
    /// releases as they fall due, the kick-off, each participant's starts and reports, and the
    /// coordinator's acknowledgements and nudge.
    /// </summary>
    private static void PlayTheFirstMonth(Round round, IReadOnlyList<Participation> participants)
    {
        var timeline = new List<(DateTimeOffset At, Action Happen)>();
        void On(DateOnly day, int hour, Action<DateTimeOffset> happen)
        {
            var moment = At(day, hour);
            timeline.Add((moment, () => happen(moment)));
        }

        foreach (var day in Enumerable.Range(0, FollowUpDay.DayNumber - KickOff.DayNumber + 1).Select(KickOff.AddDays))
        {
            On(day, hour: 9, now => round.ReleaseDue(day, now));
        }

        foreach (var participant in participants)
        {
            var (person, self, enrolment) = (participant.Person, participant.Self, participant.Enrolment);
            if (person.AtKickOff)
            {
                On(KickOff, hour: 11, now => enrolment.RecordKickOffAttendance(attended: true, Coordinator, now));
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
        foreach (var (name, position, day, comment) in Acknowledgements)
        {
            On(day, hour: 16, now => byName[name].Acknowledge(TermsOf(round, position).Id, comment, Coordinator, now));
        }

        var (laggard, nudgedOn, message) = LaggardNudge;
        On(nudgedOn, hour: 16, now => byName[laggard].Nudge(message, TimeSpan.FromDays(7), Coordinator, now));

        foreach (var (_, happen) in timeline.OrderBy(step => step.At))
        {
            happen();
        }
    }

    /// <summary>The statistics' read model of the reports, as each report through the API keeps it.</summary>
    private void CountTheReports(Round round)
    {
        var unitOf = db.StaffMembers.Local.ToDictionary(s => s.Id, s => s.UnitId);
        db.DailyReportCounts.AddRange(db.Enrolments.Local
            .SelectMany(e => e.Events)
            .Where(e => e.Kind == ProgressEventKind.Reported)
            .GroupBy(e => (Unit: unitOf[e.StaffMemberId], Day: DateOnly.FromDateTime(e.OccurredAt.ToOffset(StockholmWinterOffset).DateTime)))
            .Select(g => DailyReportCount.Of(round.Id, g.Key.Unit, round.HomeLibraryId, g.Key.Day, g.Count())));
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

    /// <summary>Stockholm time on a day of the simulated spring, stored as UTC as PostgreSQL wants it.</summary>
    private static DateTimeOffset At(DateOnly day, int hour) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), StockholmWinterOffset).ToUniversalTime();

    private static DateOnly Feb(int day) => new(2010, 2, day);

    private static DateOnly Mar(int day) => new(2010, 3, day);

    private static ThingContent Thing(string title, string instructions, int minutes, string reportPrompt, params string[] links) =>
        new(title, instructions, links, minutes, reportPrompt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data is already there; nothing added")]
    private partial void LogAlreadySeeded();

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Seeded demo data: Jönköpings län, {MunicipalityCount} municipalities, {UnitCount} Värnamo units, "
            + "the course Sociala medier, and Värnamo's round of 2010 with {StaffCount} staff and {PilotCount} pilots enrolled "
            + "and their progress up to {FollowUpDay}")]
    private partial void LogSeeded(int municipalityCount, int unitCount, int staffCount, int pilotCount, DateOnly followUpDay);

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
