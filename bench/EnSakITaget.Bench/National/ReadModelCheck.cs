using Npgsql;

namespace EnSakITaget.Bench.National;

/// <summary>
/// Whether the statistics' read model agrees with a recount from the progress events, as the
/// integration test The_read_model_agrees_with_a_recount_from_the_progress_events asks, written
/// as set-wise recounts so that a million events take seconds, not hours.
/// </summary>
internal static class ReadModelCheck
{
    /// <summary>Enrolments whose counters, status or calendar days disagree with their events or their moments.</summary>
    private const string EnrolmentsSql = $"""
        WITH recount AS (
            SELECT enrolment_id,
                   count(*) FILTER (WHERE kind = 'Reported') AS reported,
                   bool_or(kind = 'Completed') AS completed,
                   max((occurred_at AT TIME ZONE '{SeedStore.TimeZone}')::date)
                       FILTER (WHERE kind IN ('Started', 'Reported', 'ReflectionRevised')) AS last_active_on
            FROM participants.progress_events GROUP BY enrolment_id),
        reported_things AS (
            SELECT enrolment_id, count(*) AS reported FROM participants.thing_progress WHERE status = 'Reported' GROUP BY enrolment_id)
        SELECT count(*) FROM participants.enrolments e
        LEFT JOIN recount r ON r.enrolment_id = e.id
        LEFT JOIN reported_things t ON t.enrolment_id = e.id
        WHERE e.things_reported <> coalesce(r.reported, 0)
           OR e.things_reported <> coalesce(t.reported, 0)
           OR (e.status = 'Completed') <> coalesce(r.completed, false)
           OR e.last_active_on IS DISTINCT FROM r.last_active_on
           OR e.invited_on <> (e.invited_at AT TIME ZONE '{SeedStore.TimeZone}')::date
           OR e.completed_on IS DISTINCT FROM (e.completed_at AT TIME ZONE '{SeedStore.TimeZone}')::date
        """;

    /// <summary>Rows of daily_reports that a recount from the Reported events does not give, and the other way round.</summary>
    private const string DailyReportsSql = $"""
        WITH recount AS (
            SELECT p.round_id, s.unit_id, (p.occurred_at AT TIME ZONE '{SeedStore.TimeZone}')::date AS day, count(*)::int AS reports
            FROM participants.progress_events p JOIN participants.staff_members s ON s.id = p.staff_member_id
            WHERE p.kind = 'Reported'
            GROUP BY p.round_id, s.unit_id, (p.occurred_at AT TIME ZONE '{SeedStore.TimeZone}')::date),
        stored AS (SELECT round_id, unit_id, day, reports FROM participants.daily_reports)
        SELECT (SELECT count(*) FROM (SELECT * FROM recount EXCEPT SELECT * FROM stored) missing),
               (SELECT count(*) FROM (SELECT * FROM stored EXCEPT SELECT * FROM recount) extra),
               (SELECT count(*) FROM stored)
        """;

    private const string WrittenSql = "SELECT count(*) FROM participants.progress_events WHERE kind = 'Reported' AND round_id = ANY(@rounds)";

    /// <returns>What disagrees; nothing when the read model holds.</returns>
    public static async Task<IReadOnlyList<string>> RunAsync(
        string connectionString, IReadOnlyList<Guid> writeRounds, long reportsMade, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var failures = new List<string>();

        var enrolments = await ScalarAsync(connection, EnrolmentsSql, null, cancellationToken);
        if (enrolments != 0)
        {
            failures.Add($"{enrolments} enrolment(s) disagree with a recount from their events (things reported, completion, last active day or calendar days)");
        }

        await using (var command = new NpgsqlCommand(DailyReportsSql, connection) { CommandTimeout = 0 })
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var (missing, extra, stored) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
            if (missing != 0 || extra != 0)
            {
                failures.Add($"participants.daily_reports ({stored} rows) disagrees with a recount from the Reported events: {missing} row(s) missing or different, {extra} extra");
            }
        }

        var written = await ScalarAsync(connection, WrittenSql, c => c.Parameters.AddWithValue("rounds", writeRounds.ToArray()), cancellationToken);
        if (written != reportsMade)
        {
            failures.Add($"the writers' rounds hold {written} Reported events, but {reportsMade} reports were answered with success");
        }

        return failures;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, Action<NpgsqlCommand>? parameters, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        parameters?.Invoke(command);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
