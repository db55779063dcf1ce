namespace EnSakITaget.Bench.National;

/// <summary>A round made through the API, open, with every thing released.</summary>
internal sealed record OpenRound(Guid Id, Guid CourseId, IReadOnlyList<Guid> ThingIds);

/// <summary>
/// What the national data set makes through the API rather than by SQL: the library tree,
/// courses, one round per course and one survey, so that every JSON column is the application's own.
/// </summary>
internal sealed class NationalApi(ApiClient api)
{
    /// <summary>Calls at a time while building: enough to keep the API busy, few enough not to swamp two cores.</summary>
    private const int Parallelism = 4;

    /// <summary>Counties, then their municipalities, then the units, each level in parallel.</summary>
    public async Task CreateLibrariesAsync(NationalMap map, CancellationToken cancellationToken)
    {
        await ForEachAsync(map.CountyPlans, async (county, token) =>
            county.Id = await api.CreateLibraryAsync(new { type = "County", name = county.Name, countyCode = county.Code }, token), cancellationToken);
        var municipalities = map.CountyPlans.SelectMany(c => c.Municipalities.Select(m => (County: c, Municipality: m)));
        await ForEachAsync(municipalities, async (pair, token) =>
            pair.Municipality.Id = await api.CreateLibraryAsync(
                new { type = "Municipality", name = pair.Municipality.Name, parentId = pair.County.Id, municipalityCode = pair.Municipality.Code },
                token),
            cancellationToken);
        var units = map.Municipalities.SelectMany(m => m.Units.Select(u => (Municipality: m, Unit: u)));
        await ForEachAsync(units, async (pair, token) =>
            pair.Unit.Id = await api.CreateLibraryAsync(
                new { type = pair.Unit.Type, name = pair.Unit.Name, parentId = pair.Municipality.Id, staffCount = pair.Unit.Staff },
                token),
            cancellationToken);
    }

    /// <summary>A published course of the county with the given number of things.</summary>
    public async Task<Guid> CreateCourseAsync(Guid countyId, string title, int things, CancellationToken cancellationToken)
    {
        var course = await api.PostAsync<IdAnswer>("/api/v1/courses", new { countyId, title, language = "sv" }, cancellationToken);
        for (var position = 1; position <= things; position++)
        {
            await api.PostAsync(
                $"/api/v1/courses/{course.Id}/things",
                new { title = $"Sak {position}", estimatedMinutes = 30 + position % 4 * 15, reportPrompt = "Vad gjorde du, och vad lärde du dig?" },
                cancellationToken);
        }

        await api.PostAsync($"/api/v1/courses/{course.Id}/publish", null, cancellationToken);
        return course.Id;
    }

    /// <summary>A round of the course run by the municipality, open, work ahead allowed, every thing released.</summary>
    public async Task<Guid> CreateOpenRoundAsync(
        Guid courseId, Guid municipalityId, string title, int things, DateOnly kickOff, DateOnly deadline, CancellationToken cancellationToken)
    {
        var round = await api.PostAsync<IdAnswer>("/api/v1/rounds", new
        {
            courseId, homeLibraryId = municipalityId, title, kickOff, deadline, workAheadAllowed = true,
        }, cancellationToken);
        await api.PostAsync($"/api/v1/rounds/{round.Id}/open", null, cancellationToken);
        // Each release names how many are out (the scheduler may have released the first).
        for (var released = 0; released < things;)
        {
            released = (await api.PostAsync<ReleasedAnswer>(
                $"/api/v1/rounds/{round.Id}/release-next", new { expectedReleased = released }, cancellationToken)).ReleasedCount;
        }

        return round.Id;
    }

    /// <summary>The closing survey of a round: anonymous, open to each participant once they have completed, the three default questions.</summary>
    public Task SetSurveyAsync(Guid roundId, CancellationToken cancellationToken) => api.PutAsync<IdAnswer>(
        $"/api/v1/rounds/{roundId}/survey",
        new
        {
            isAnonymous = true,
            opensWhen = "ParticipantCompleted",
            questions = new object[]
            {
                new { kind = "FreeText", textSv = "Vad var bra med kursen?", textEn = "What was good about the course?" },
                new { kind = "FreeText", textSv = "Vad kunde vi ha gjort annorlunda?", textEn = "What could we have done differently?" },
                new { kind = "FreeText", textSv = "Vad är det viktigaste du har lärt dig?", textEn = "What is the most important thing you learned?" },
            },
        },
        cancellationToken);

    /// <summary>Participant accounts for staff at their units, with the staff's own e-mail, so that the API links them.</summary>
    public Task CreateParticipantAccountsAsync(IReadOnlyList<StaffSeed> staff, string password, CancellationToken cancellationToken) =>
        ForEachAsync(staff, (member, token) => new ValueTask(api.PostAsync(
            "/api/v1/users",
            new { email = member.Email, displayName = member.Name, password, roles = new[] { new { role = "Participant", libraryId = member.UnitId } } },
            token)), cancellationToken);

    public async Task<IReadOnlyList<string>> SignInAsync(IReadOnlyList<StaffSeed> staff, string password, CancellationToken cancellationToken)
    {
        var tokens = new string[staff.Count];
        await ForEachAsync(Enumerable.Range(0, staff.Count), async (i, token) =>
            tokens[i] = await api.AccessTokenAsync(staff[i].Email, password, token), cancellationToken);
        return tokens;
    }

    public Task EnrolAsync(Guid roundId, IReadOnlyList<Guid> staffMemberIds, CancellationToken cancellationToken) =>
        api.PostAsync($"/api/v1/rounds/{roundId}/enrolments", new { participantIds = staffMemberIds }, cancellationToken);

    private static Task ForEachAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, ValueTask> body, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, body);

    private sealed record IdAnswer(Guid Id);

    private sealed record ReleasedAnswer(int ReleasedCount);
}
