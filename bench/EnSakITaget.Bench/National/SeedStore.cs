using Npgsql;
using NpgsqlTypes;

namespace EnSakITaget.Bench.National;

/// <summary>A member of staff, as participants.staff_members keeps them.</summary>
internal sealed record StaffSeed(Guid Id, string Name, string Email, Guid UnitId, string Title, bool IsManager);

/// <summary>
/// The national data set's bulk SQL: rows cloned from ones the API made (so that the JSON
/// columns are the application's own), and binary COPY for staff, enrolments, progress and events.
/// </summary>
internal sealed class SeedStore(string connectionString, Func<DateTimeOffset, DateOnly> dayOf)
{
    public const string TimeZone = "Europe/Stockholm";

    /// <summary>Copies of a template round for other municipalities: every column the template's, but id, home library and title.</summary>
    public async Task CloneRoundsAsync(Guid templateId, IReadOnlyList<(Guid Id, Guid HomeLibraryId, string Title)> clones, CancellationToken cancellationToken)
    {
        var overrides = new Dictionary<string, string> { ["id"] = "n.id", ["home_library_id"] = "n.home_library_id", ["title"] = "n.title" };
        await CloneAsync(
            "courses", "rounds", overrides,
            "FROM courses.rounds t CROSS JOIN unnest(@ids, @homes, @titles) AS n(id, home_library_id, title) WHERE t.id = @template",
            command =>
            {
                command.Parameters.AddWithValue("template", templateId);
                command.Parameters.AddWithValue("ids", clones.Select(c => c.Id).ToArray());
                command.Parameters.AddWithValue("homes", clones.Select(c => c.HomeLibraryId).ToArray());
                command.Parameters.AddWithValue("titles", clones.Select(c => c.Title).ToArray());
            },
            cancellationToken);
    }

    /// <summary>
    /// Every round's released things dated to the morning of its kick-off, as a year-old round's
    /// are: made through the API a minute ago, they would say "released today", and the API's
    /// first notice tick would write a release letter to every participant in the country.
    /// </summary>
    public async Task DateReleasesAsync(DateTimeOffset releasedAt, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            """
            UPDATE courses.rounds r SET last_released_at = CASE WHEN r.last_released_at IS NULL THEN NULL ELSE @released::timestamptz END, things = (
                SELECT jsonb_agg(CASE WHEN t.thing ->> 'ReleasedAt' IS NULL THEN t.thing
                                      ELSE jsonb_set(t.thing, '{ReleasedAt}', to_jsonb(@released)) END ORDER BY t.position)
                FROM jsonb_array_elements(r.things) WITH ORDINALITY AS t(thing, position))
            WHERE jsonb_array_length(r.things) > 0
            """,
            command => command.Parameters.AddWithValue("released", releasedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", System.Globalization.CultureInfo.InvariantCulture)),
            cancellationToken);

    /// <summary>Copies of the template round's survey for other rounds, each attributed to its round, opened when the first participant completed.</summary>
    public async Task CloneSurveysAsync(Guid templateRoundId, IReadOnlyList<Guid> roundIds, DateTimeOffset openedAt, CancellationToken cancellationToken)
    {
        var overrides = new Dictionary<string, string>
        {
            ["id"] = "gen_random_uuid()", ["round_id"] = "r.id", ["round_library_id"] = "r.home_library_id", ["course_id"] = "r.course_id",
        };
        await CloneAsync(
            "feedback", "surveys", overrides,
            "FROM feedback.surveys t CROSS JOIN courses.rounds r WHERE t.round_id = @template AND r.id = ANY(@rounds) AND r.id <> @template",
            command =>
            {
                command.Parameters.AddWithValue("template", templateRoundId);
                command.Parameters.AddWithValue("rounds", roundIds.ToArray());
            },
            cancellationToken);
        await ExecuteAsync(
            "UPDATE feedback.surveys SET opened_at = @opened WHERE round_id = ANY(@rounds)",
            command =>
            {
                command.Parameters.AddWithValue("opened", openedAt);
                command.Parameters.AddWithValue("rounds", roundIds.ToArray());
            },
            cancellationToken);
    }

    /// <summary>
    /// Anonymous closing answers from about three in five of those who completed a surveyed round,
    /// a few days after they completed it. Every question is optional, so an empty list of answers
    /// is a whole response; each respondent is marked as having answered.
    /// </summary>
    public async Task AnswerSurveysAsync(DateOnly today, CancellationToken cancellationToken)
    {
        const string respondents = """
            FROM feedback.surveys s JOIN participants.enrolments e ON e.round_id = s.round_id
            WHERE e.status = 'Completed' AND abs(hashtext(e.id::text)) % 10 < 6
            """;
        await ExecuteAsync(
            "INSERT INTO feedback.survey_responses (id, survey_id, round_id, round_library_id, course_id, phase, respondent_id, submitted_on, answers) " +
            "SELECT gen_random_uuid(), s.id, s.round_id, s.round_library_id, s.course_id, 'Closing', NULL, " +
            $"LEAST(e.completed_on + abs(hashtext(e.id::text || 'day')) % 5, @today), '[]'::jsonb {respondents}",
            command => command.Parameters.AddWithValue("today", today),
            cancellationToken);
        await ExecuteAsync(
            "INSERT INTO feedback.survey_participations (survey_id, staff_member_id, phase, round_library_id) " +
            $"SELECT s.id, e.staff_member_id, 'Closing', s.round_library_id {respondents}",
            _ => { },
            cancellationToken);
    }

    public async Task CopyStaffAsync(IEnumerable<StaffSeed> staff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY participants.staff_members (id, name, email, unit_id, title, is_manager, created_at, updated_at, revision) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var member in staff)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(member.Id, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(member.Name, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(member.Email, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(member.UnitId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(member.Title, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(member.IsManager, NpgsqlDbType.Boolean, cancellationToken);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>The enrolments first (the other two tables refer to them), then their progress and their events side by side.</summary>
    public async Task CopyHistoriesAsync(IReadOnlyList<EnrolmentHistory> histories, CancellationToken cancellationToken)
    {
        await CopyEnrolmentsAsync(histories, cancellationToken);
        await Task.WhenAll(CopyThingProgressAsync(histories, cancellationToken), CopyEventsAsync(histories, cancellationToken));
    }

    /// <summary>The statistics' count of reports per round, reporter's unit and Stockholm day, recounted from the events as each report would have kept it.</summary>
    public Task CountDailyReportsAsync(CancellationToken cancellationToken) => ExecuteAsync(
        $"""
        INSERT INTO participants.daily_reports (round_id, unit_id, day, round_library_id, reports)
        SELECT p.round_id, s.unit_id, (p.occurred_at AT TIME ZONE '{TimeZone}')::date, p.round_library_id, count(*)
        FROM participants.progress_events p JOIN participants.staff_members s ON s.id = p.staff_member_id
        WHERE p.kind = 'Reported'
        GROUP BY p.round_id, s.unit_id, (p.occurred_at AT TIME ZONE '{TimeZone}')::date, p.round_library_id
        """,
        _ => { },
        cancellationToken);

    public Task VacuumAnalyzeAsync(CancellationToken cancellationToken) => ExecuteAsync("VACUUM ANALYZE", _ => { }, cancellationToken);

    public async Task<IReadOnlyList<(string Table, long Rows)>> CountRowsAsync(IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var counts = new List<(string, long)>();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
            counts.Add((table, (long)(await command.ExecuteScalarAsync(cancellationToken))!));
        }

        return counts;
    }

    private async Task CopyEnrolmentsAsync(IReadOnlyList<EnrolmentHistory> histories, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY participants.enrolments (id, round_id, round_library_id, staff_member_id, is_pilot, status, attended_kick_off, " +
            "invited_at, activated_at, completed_at, withdrawn_at, things_reported, last_activity_at, last_nudged_at, nudge_count, " +
            "invited_on, completed_on, last_active_on, revision) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var e in histories)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(e.Id, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(e.Slot.RoundId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(e.Slot.RoundLibraryId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(e.Slot.StaffMemberId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(false, NpgsqlDbType.Boolean, cancellationToken);
            await writer.WriteAsync(e.Status, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(e.AttendedKickOff, NpgsqlDbType.Boolean, cancellationToken);
            await writer.WriteAsync(e.InvitedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(writer, e.ActivatedAt, cancellationToken);
            await WriteNullableAsync(writer, e.CompletedAt, cancellationToken);
            await WriteNullableAsync(writer, e.WithdrawnAt, cancellationToken);
            await writer.WriteAsync(e.ThingsReported, NpgsqlDbType.Integer, cancellationToken);
            await WriteNullableAsync(writer, e.LastActivityAt, cancellationToken);
            await WriteNullableAsync(writer, e.LastNudgedAt, cancellationToken);
            await writer.WriteAsync(e.NudgeCount, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(dayOf(e.InvitedAt), NpgsqlDbType.Date, cancellationToken);
            await WriteNullableAsync(writer, e.CompletedAt is { } completed ? dayOf(completed) : (DateOnly?)null, cancellationToken);
            await WriteNullableAsync(writer, e.LastActivityAt is { } active ? dayOf(active) : (DateOnly?)null, cancellationToken);
            await writer.WriteAsync(e.Revision, NpgsqlDbType.Integer, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private async Task CopyThingProgressAsync(IReadOnlyList<EnrolmentHistory> histories, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY participants.thing_progress (enrolment_id, thing_id, position, round_id, round_library_id, status, started_at, reported_at, " +
            "reflection_text, acknowledged_at, acknowledged_by, acknowledgement_comment) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var e in histories)
        {
            foreach (var thing in e.Things)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(e.Id, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(e.Slot.ThingIds[thing.Position - 1], NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(thing.Position, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(e.Slot.RoundId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(e.Slot.RoundLibraryId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(thing.ReportedAt is null ? "Started" : "Reported", NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(thing.StartedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await WriteNullableAsync(writer, thing.ReportedAt, cancellationToken);
                await WriteNullableAsync(writer, thing.Reflection, cancellationToken);
                await WriteNullableAsync(writer, thing.AcknowledgedAt, cancellationToken);
                await WriteNullableAsync(writer, thing.AcknowledgedAt is null ? null : e.Slot.CoordinatorName, cancellationToken);
                await WriteNullableAsync(writer, thing.AcknowledgementComment, cancellationToken);
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>The id is left to the table's identity: increasing in the order written, and each enrolment's events are written in the order they happened.</summary>
    private async Task CopyEventsAsync(IReadOnlyList<EnrolmentHistory> histories, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY participants.progress_events (enrolment_id, round_id, round_library_id, staff_member_id, kind, thing_id, thing_position, " +
            "occurred_at, actor_user_id, actor_name, note) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var e in histories)
        {
            foreach (var happened in e.Events)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(e.Id, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(e.Slot.RoundId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(e.Slot.RoundLibraryId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(e.Slot.StaffMemberId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(happened.Kind, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(writer, happened.Position is { } position ? e.Slot.ThingIds[position - 1] : (Guid?)null, cancellationToken);
                await WriteNullableAsync(writer, happened.Position, cancellationToken);
                await writer.WriteAsync(happened.At, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteNullAsync(cancellationToken);
                await writer.WriteAsync(happened.ByParticipant ? e.Slot.StaffEmail : e.Slot.CoordinatorName, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(writer, happened.Note, cancellationToken);
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>INSERT … SELECT of every column of a table, each taken from the template row t unless overridden.</summary>
    private async Task CloneAsync(
        string schema, string table, IReadOnlyDictionary<string, string> overrides, string from, Action<NpgsqlCommand> parameters,
        CancellationToken cancellationToken)
    {
        var columns = await ColumnsAsync(schema, table, cancellationToken);
        var missing = overrides.Keys.Except(columns).ToList();
        if (missing.Count > 0)
        {
            throw new BenchSetupException($"{schema}.{table} has no column {string.Join(", ", missing)}: has a migration renamed it?");
        }

        var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var values = string.Join(", ", columns.Select(c => overrides.GetValueOrDefault(c) ?? $"t.\"{c}\""));
        await ExecuteAsync($"INSERT INTO {schema}.{table} ({names}) SELECT {values} {from}", parameters, cancellationToken);
    }

    private async Task<IReadOnlyList<string>> ColumnsAsync(string schema, string table, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = @schema AND table_name = @table " +
            "AND is_generated = 'NEVER' ORDER BY ordinal_position",
            connection);
        command.Parameters.AddWithValue("schema", schema);
        command.Parameters.AddWithValue("table", table);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add(reader.GetString(0));
        }

        return columns.Count > 0 ? columns : throw new BenchSetupException($"the table {schema}.{table} does not exist");
    }

    private async Task ExecuteAsync(string sql, Action<NpgsqlCommand> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        parameters(command);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A connection without the 30 s command timeout: a binary COPY of a million events ends with one command, which a loaded machine can take longer than that to finish.</summary>
    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, CancellationToken cancellationToken)
        where T : struct
    {
        if (value is { } present)
        {
            await writer.WriteAsync(present, cancellationToken);
        }
        else
        {
            await writer.WriteNullAsync(cancellationToken);
        }
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken)
    {
        if (value is not null)
        {
            await writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
        }
        else
        {
            await writer.WriteNullAsync(cancellationToken);
        }
    }
}
