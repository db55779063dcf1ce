using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace EnSakITaget.Bench.National;

/// <summary>
/// The calls the load generator makes, each answering null when it did what it should: the API's
/// reads and reports over loopback HTTP, and the plain SQL that reads the same rows.
/// </summary>
internal sealed class NationalOperations(HttpClient http, NationalData data)
{
    public const string CountryPath = "/api/v1/statistics/libraries?pageSize=2000";
    public const string HealthPath = "/health/live";

    /// <summary>What the statistics of every library read, as ParticipationStatistics and FeedbackStatistics read it: the tree, the per-unit aggregate, the surveys' answers and enrolments.</summary>
    public const string StatisticsSql = """
        SELECT id, name, type, parent_id, staff_count FROM libraries.library_nodes;
        SELECT s.unit_id,
               count(DISTINCT e.staff_member_id),
               count(DISTINCT e.staff_member_id) FILTER (WHERE s.is_manager),
               count(DISTINCT e.staff_member_id) FILTER (WHERE e.last_active_on > @since AND e.last_active_on <= @today),
               count(*) FILTER (WHERE e.completed_on >= @from AND e.completed_on <= @today),
               coalesce(sum(e.things_reported), 0)
        FROM participants.enrolments e JOIN participants.staff_members s ON s.id = e.staff_member_id
        WHERE e.status <> 'Withdrawn' AND e.invited_on <= @today
        GROUP BY s.unit_id;
        SELECT s.round_id, s.round_library_id, count(r.id)
        FROM feedback.surveys s
        LEFT JOIN feedback.survey_responses r ON r.survey_id = s.id AND r.phase = 'Closing' AND r.submitted_on BETWEEN @from AND @today
        GROUP BY s.id, s.round_id, s.round_library_id;
        SELECT round_id, count(*) FROM participants.enrolments
        WHERE round_id IN (SELECT round_id FROM feedback.surveys) AND status <> 'Withdrawn'
        GROUP BY round_id;
        """;

    public string CountyPath => $"/api/v1/statistics/libraries?libraryId={data.CountyId}&pageSize=2000";

    public string MatrixPath => $"/api/v1/rounds/{data.MatrixRoundId}/progress?pageSize={data.MatrixParticipants}";

    public Task<string?> GetAsync(string path, string? token, CancellationToken cancellationToken) =>
        ExpectAsync(Request(HttpMethod.Get, path, token), HttpStatusCode.OK, cancellationToken);

    public Task<string?> NotModifiedAsync(string path, string token, string etag, CancellationToken cancellationToken)
    {
        var request = Request(HttpMethod.Get, path, token);
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));
        return ExpectAsync(request, HttpStatusCode.NotModified, cancellationToken);
    }

    /// <summary>The whole answer and its entity tag, if it has one, for the checks and the conditional requests.</summary>
    public async Task<(string Body, string? ETag)> ReadAsync(string path, string token, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(Request(HttpMethod.Get, path, token), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode == HttpStatusCode.OK
            ? (body, response.Headers.ETag?.ToString())
            : throw new BenchSetupException($"GET {path} answered {(int)response.StatusCode}: {Shorten(body)}");
    }

    public Task<string?> ReportAsync(WriteTask task, CancellationToken cancellationToken)
    {
        var request = Request(HttpMethod.Post, $"/api/v1/rounds/{task.RoundId}/things/{task.ThingId}/report", task.Token);
        request.Content = new StringContent($$"""{"text":"{{task.Text}}"}""", Encoding.UTF8, "application/json");
        return ExpectAsync(request, null, cancellationToken);
    }

    /// <summary>Runs the statistics' reads in one round trip and takes every value of every row out of the reader.</summary>
    public static async Task<string?> StatisticsSqlAsync(NpgsqlConnection connection, DateOnly today, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(StatisticsSql, connection);
        command.Parameters.AddWithValue("today", today);
        command.Parameters.AddWithValue("since", today.AddDays(-30));
        command.Parameters.AddWithValue("from", DateOnly.MinValue);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = await SqlReading.ReadEveryValueAsync(reader, cancellationToken);
        return rows > 0 ? null : "the statistics' SQL read no rows";
    }

    public static async Task<string?> MatrixSqlAsync(NpgsqlConnection connection, Guid roundId, long cells, CancellationToken cancellationToken)
    {
        var (rows, _) = await MatrixBenchmark.PlainSqlAsync(connection, roundId, cancellationToken);
        return rows >= cells ? null : $"the matrix's SQL read {rows} rows, fewer than the {cells} cells";
    }

    /// <param name="expected">The status that counts as success; any 2xx when null.</param>
    private async Task<string?> ExpectAsync(HttpRequestMessage request, HttpStatusCode? expected, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var success = expected is { } status ? response.StatusCode == status : response.IsSuccessStatusCode;
            if (success)
            {
                return null;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return $"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {Shorten(body)}";
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private static string Shorten(string body) => body.Length > 300 ? body[..300] + "…" : body;
}

/// <summary>One report to make: a participant's thing of a round, with a reflection of its own.</summary>
internal sealed record WriteTask(string Token, Guid RoundId, Guid ThingId, string Text);
