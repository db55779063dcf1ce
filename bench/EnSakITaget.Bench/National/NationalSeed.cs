using System.Diagnostics;
using Npgsql;

namespace EnSakITaget.Bench.National;

/// <summary>What the measurements need to know of the seeded country.</summary>
/// <param name="Writers">Staff of the capital with a participant account each, enrolled in every one of <paramref name="WriteRounds"/>.</param>
internal sealed record NationalData(
    Guid CountyId,
    Guid MatrixRoundId,
    int MatrixParticipants,
    int MatrixThings,
    long MatrixCells,
    IReadOnlyList<OpenRound> WriteRounds,
    IReadOnlyList<StaffSeed> Writers,
    string WritersPassword);

/// <summary>A round of the seeded country, made through the API or cloned from one that was.</summary>
internal sealed record RoundSeed(Guid Id, MunicipalityPlan Municipality, IReadOnlyList<Guid> ThingIds);

/// <summary>
/// Seeds a country: the library tree, courses and one template round per county through the API,
/// the other rounds cloned by SQL, then staff, enrolments, their progress and a million events by
/// binary COPY, the daily report counts recounted from the events, and closing surveys.
/// </summary>
internal sealed class NationalSeed(BenchOptions options, ApiClient client, StockholmCalendar calendar, Action<string> step)
{
    public const int Staff = 30_000;
    public const int Rounds = 2_000;
    public const int MatrixParticipants = 350;
    public const int MatrixThings = 130;
    public const int WriteRoundCount = 4;
    public const int WriteThings = 23;
    public const int WriterCount = 200;
    public const int SurveyEvery = 10;
    public const string EmailDomain = "nation.example.se";

    private const int Seed = 2026;

    private static readonly string[] FirstNames =
        ["Anna", "Åsa", "Björn", "Karin", "Lars", "Märta", "Olof", "Sofia", "Göran", "Elin", "Per", "Ingrid", "Jörgen", "Maja", "Sven", "Linnéa", "Ali", "Fatima", "Mohammed", "Sara"];

    private static readonly string[] LastNames =
        ["Andersson", "Bergström", "Carlsson", "Dahlén", "Ekström", "Forsberg", "Gustafsson", "Holmqvist", "Isaksson", "Jönsson", "Karlsson", "Lindqvist", "Nyström", "Öberg", "Hassan", "Nilsson"];

    private static readonly string[] Titles = ["Bibliotekarie", "Biblioteksassistent", "Barnbibliotekarie", "Skolbibliotekarie"];

    private readonly NationalApi _api = new(client);
    private readonly SeedStore _store = new(options.ConnectionString, calendar.DayOf);
    private readonly Random _random = new(Seed);

    public async Task<NationalData> RunAsync(CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var today = calendar.DayOf(now);
        var map = NationalMap.Draw(Staff, Rounds, Seed);
        var clock = Stopwatch.StartNew();
        var made = await MakeThroughApiAsync(map, today.AddYears(-1), today.AddYears(1), clock, cancellationToken);
        var (rounds, histories, writers) = await CopyAsync(map, made, now, today.AddYears(-1), cancellationToken);
        await AddSurveysAsync(rounds, made.SurveyTemplateRoundId, today, cancellationToken);
        await _store.VacuumAnalyzeAsync(cancellationToken);
        step($"seeded in {clock.Elapsed.TotalSeconds:F0} s");

        var password = $"Skriv-{Guid.NewGuid():N}-A1";
        // A new sign-in for each phase: an access token lasts 15 minutes.
        await client.LoginAsync(options.AdminEmail, options.AdminPassword, cancellationToken);
        await PrepareWritersAsync(writers, made.Writing, password, cancellationToken);
        var matrix = histories.Where(h => h.Slot.RoundId == made.Matrix.Id).ToList();
        return new NationalData(
            made.County.Id, made.Matrix.Id, matrix.Count, MatrixThings, matrix.Sum(h => h.Things.Count), made.Writing, writers, password);
    }

    /// <summary>The library tree, a course and a template round per county, the matrix's round, the writers' rounds, and one survey.</summary>
    private async Task<MadeThroughApi> MakeThroughApiAsync(NationalMap map, DateOnly kickOff, DateOnly deadline, Stopwatch clock, CancellationToken cancellationToken)
    {
        var (capital, county) = (map.Largest, map.CountyOf(map.Largest));
        step($"creating {map.CountyPlans.Count} counties, {map.Municipalities.Count()} municipalities and {map.Units.Count()} units through the API");
        await _api.CreateLibrariesAsync(map, cancellationToken);
        step($"libraries made in {clock.Elapsed.TotalSeconds:F0} s; now a course per county ({NationalMap.MinThings} to {NationalMap.MaxThings} things) " +
             $"with an open template round, a {MatrixThings}-thing course for the matrix and {WriteRoundCount} rounds of {WriteThings} things for the writers");
        var templates = await CreateTemplateRoundsAsync(map, kickOff, deadline, cancellationToken);
        var matrix = await CreateRoundsAsync(county.Id, capital.Id, "Matriskursen", MatrixThings, 1, kickOff, deadline, cancellationToken);
        var writing = await CreateRoundsAsync(county.Id, capital.Id, "Skrivkursen", WriteThings, WriteRoundCount, kickOff, deadline, cancellationToken);
        var surveyTemplate = templates[map.CountyPlans[0]];
        await _api.SetSurveyAsync(surveyTemplate.Id, cancellationToken);
        step($"API part done after {clock.Elapsed.TotalSeconds:F0} s");
        return new MadeThroughApi(county, capital, templates, matrix[0], writing, surveyTemplate.Id);
    }

    /// <summary>The other rounds cloned, then staff, enrolments, progress and events copied, and the daily report counts recounted.</summary>
    private async Task<(List<RoundSeed> Rounds, List<EnrolmentHistory> Histories, List<StaffSeed> Writers)> CopyAsync(
        NationalMap map, MadeThroughApi made, DateTimeOffset now, DateOnly kickOff, CancellationToken cancellationToken)
    {
        step($"cloning the template rounds by SQL up to {Rounds} rounds");
        var rounds = await CloneRoundsAsync(map, made.Templates, cancellationToken);
        await _store.DateReleasesAsync(calendar.At(kickOff, 9), cancellationToken);
        var staff = StaffOf(map);
        step($"copying {staff.Count} staff; playing a year of {Rounds} rounds and the matrix's round");
        await _store.CopyStaffAsync(staff, now, cancellationToken);
        var (slots, matrixSlots, writers) = Enrol(map, rounds, staff, made.Matrix, made.Capital);
        var histories = Play(slots, matrixSlots, now, kickOff);
        step($"{histories.Count} enrolments, {histories.Sum(h => h.Things.Count)} started things, {histories.Sum(h => h.Revision)} progress events: copying them");
        await _store.CopyHistoriesAsync(histories, cancellationToken);
        await _store.CountDailyReportsAsync(cancellationToken);
        return (rounds, histories, writers);
    }

    /// <summary>Every tenth round gets a closing survey, a copy of the one made through the API, and answers from those who completed it.</summary>
    private async Task AddSurveysAsync(List<RoundSeed> rounds, Guid templateRoundId, DateOnly today, CancellationToken cancellationToken)
    {
        var surveyed = rounds.Where((_, i) => i % SurveyEvery == 0).Select(r => r.Id).Append(templateRoundId).Distinct().ToList();
        step($"closing surveys for {surveyed.Count} rounds (cloned from the one made through the API) and their answers");
        await _store.CloneSurveysAsync(templateRoundId, surveyed, calendar.At(today.AddYears(-1).AddDays(30), 12), cancellationToken);
        await _store.AnswerSurveysAsync(today, cancellationToken);
    }

    /// <summary>For each county: its course, and a round of it in its first municipality, which the other rounds of the county copy.</summary>
    private async Task<Dictionary<CountyPlan, OpenRound>> CreateTemplateRoundsAsync(
        NationalMap map, DateOnly kickOff, DateOnly deadline, CancellationToken cancellationToken)
    {
        var templates = new Dictionary<CountyPlan, OpenRound>();
        await Parallel.ForEachAsync(map.CountyPlans, new ParallelOptions { MaxDegreeOfParallelism = 3, CancellationToken = cancellationToken }, async (county, token) =>
        {
            var round = await CreateRoundsAsync(county.Id, county.Municipalities[0].Id, CourseTitle(county), county.Things, 1, kickOff, deadline, token);
            lock (templates)
            {
                templates[county] = round[0];
            }
        });
        return templates;
    }

    private async Task<IReadOnlyList<OpenRound>> CreateRoundsAsync(
        Guid countyId, Guid municipalityId, string title, int things, int count, DateOnly kickOff, DateOnly deadline, CancellationToken cancellationToken)
    {
        var course = await _api.CreateCourseAsync(countyId, title, things, cancellationToken);
        var rounds = new List<OpenRound>();
        for (var i = 1; i <= count; i++)
        {
            var id = await _api.CreateOpenRoundAsync(course, municipalityId, count == 1 ? title : $"{title} {i}", things, kickOff, deadline, cancellationToken);
            rounds.Add(new OpenRound(id, course, await ThingIdsAsync(id, cancellationToken)));
        }

        return rounds;
    }

    /// <summary>Every municipality's share of the rounds, the county's template being the first round of its first municipality.</summary>
    private async Task<List<RoundSeed>> CloneRoundsAsync(NationalMap map, Dictionary<CountyPlan, OpenRound> templates, CancellationToken cancellationToken)
    {
        var rounds = new List<RoundSeed>();
        foreach (var county in map.CountyPlans)
        {
            var template = templates[county];
            var clones = new List<(Guid Id, Guid HomeLibraryId, string Title)>();
            foreach (var municipality in county.Municipalities)
            {
                for (var i = 1; i <= municipality.Rounds; i++)
                {
                    var isTemplate = municipality == county.Municipalities[0] && i == 1;
                    var id = isTemplate ? template.Id : Guid.CreateVersion7();
                    if (!isTemplate)
                    {
                        clones.Add((id, municipality.Id, $"{CourseTitle(county)} – {municipality.Name}, grupp {i}"));
                    }

                    rounds.Add(new RoundSeed(id, municipality, template.ThingIds));
                }
            }

            await _store.CloneRoundsAsync(template.Id, clones, cancellationToken);
        }

        return rounds;
    }

    /// <summary>Each unit's staff count of people; one in twenty is a manager, every unit has one.</summary>
    private List<StaffSeed> StaffOf(NationalMap map)
    {
        var staff = new List<StaffSeed>(Staff);
        foreach (var unit in map.Units)
        {
            for (var i = 0; i < unit.Staff; i++)
            {
                var n = staff.Count + 1;
                var name = $"{FirstNames[_random.Next(FirstNames.Length)]} {LastNames[_random.Next(LastNames.Length)]}";
                var isManager = i == 0 || _random.NextDouble() < 0.01;
                staff.Add(new StaffSeed(Guid.CreateVersion7(), name, $"p{n}@{EmailDomain}", unit.Id, isManager ? "Enhetschef" : Titles[n % Titles.Length], isManager));
            }
        }

        return staff;
    }

    /// <summary>
    /// Each member of staff in one round of their own municipality; in the capital, the first
    /// drawn take part in the matrix's round instead, and the next ones will also write.
    /// </summary>
    private (List<EnrolmentSlot> Regular, List<EnrolmentSlot> Matrix, List<StaffSeed> Writers) Enrol(
        NationalMap map, List<RoundSeed> rounds, List<StaffSeed> staff, OpenRound matrix, MunicipalityPlan capital)
    {
        var (regular, dense, writers) = (new List<EnrolmentSlot>(), new List<EnrolmentSlot>(), new List<StaffSeed>());
        var roundsOf = rounds.ToLookup(r => r.Municipality);
        var staffOf = staff.ToLookup(s => s.UnitId);
        foreach (var municipality in map.Municipalities)
        {
            var people = municipality.Units.SelectMany(u => staffOf[u.Id]).OrderBy(_ => _random.Next()).ToList();
            var coordinator = $"Samordnare {municipality.Name}";
            if (municipality == capital)
            {
                dense.AddRange(people.Take(MatrixParticipants).Select(p => new EnrolmentSlot(matrix.Id, capital.Id, matrix.ThingIds, p.Id, p.Email, coordinator)));
                writers.AddRange(people.Skip(MatrixParticipants).Take(WriterCount));
                people = [.. people.Skip(MatrixParticipants)];
            }

            var own = roundsOf[municipality].ToList();
            regular.AddRange(people.Select((p, i) => new EnrolmentSlot(own[i % own.Count].Id, municipality.Id, own[i % own.Count].ThingIds, p.Id, p.Email, coordinator)));
        }

        return (regular, dense, writers);
    }

    private List<EnrolmentHistory> Play(List<EnrolmentSlot> regular, List<EnrolmentSlot> matrix, DateTimeOffset now, DateOnly kickOff)
    {
        var simulator = new ProgressSimulator(now, calendar.At(kickOff, 10), Seed);
        return [.. regular.Select(s => simulator.Play(s, ParticipationProfile.Regular)), .. matrix.Select(s => simulator.Play(s, ParticipationProfile.Dense))];
    }

    /// <summary>The writers' accounts, created, enrolled in the writers' rounds through the API.</summary>
    private async Task PrepareWritersAsync(List<StaffSeed> writers, IReadOnlyList<OpenRound> rounds, string password, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        step($"creating {writers.Count} participant accounts through the API and enrolling them in {rounds.Count} rounds of {WriteThings} things");
        await _api.CreateParticipantAccountsAsync(writers, password, cancellationToken);
        foreach (var round in rounds)
        {
            await _api.EnrolAsync(round.Id, [.. writers.Select(w => w.Id)], cancellationToken);
        }

        step($"writers ready in {clock.Elapsed.TotalSeconds:F0} s");
    }

    private async Task<IReadOnlyList<Guid>> ThingIdsAsync(Guid roundId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return await MatrixBenchmark.ThingIdsAsync(connection, roundId, cancellationToken);
    }

    private static string CourseTitle(CountyPlan county) => $"Digitalt i vardagen – {county.Name}";

    /// <summary>What the API made: the rounds that the SQL copies, and those the measurements use.</summary>
    private sealed record MadeThroughApi(
        CountyPlan County, MunicipalityPlan Capital, Dictionary<CountyPlan, OpenRound> Templates, OpenRound Matrix, IReadOnlyList<OpenRound> Writing,
        Guid SurveyTemplateRoundId);
}
