using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace EnSakITaget.Bench;

/// <summary>The benchmark's own SQL: resetting the imported rows, counting them, and the plain COPY it compares with.</summary>
internal sealed class Database : IAsyncDisposable
{
    private const string StaffTable = "participants.staff_members";
    private const string BenchEmails = $"email LIKE '%@{Roster.EmailDomain}'";

    private readonly NpgsqlConnection _connection;

    private Database(NpgsqlConnection connection) => _connection = connection;

    public static async Task<Database> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            await connection.DisposeAsync();
            throw new BenchSetupException($"cannot connect to the database: {e.Message}");
        }

        return new Database(connection);
    }

    public async Task<string> ServerVersionAsync(CancellationToken cancellationToken) =>
        ((string)(await ScalarAsync("SHOW server_version", cancellationToken))!).Split(' ')[0];

    /// <summary>Refuses to go on, with a message, when the Participants migration has not made the table.</summary>
    public async Task RequireStaffTableAsync(CancellationToken cancellationToken)
    {
        if (await ScalarAsync($"SELECT to_regclass('{StaffTable}')::text", cancellationToken) is not string)
        {
            throw new BenchSetupException($"the table {StaffTable} does not exist: the API's migrations have not created it");
        }
    }

    /// <summary>Back to no benchmark staff: the imported rows, their audit entries, and the dead rows they leave.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync($"DELETE FROM {StaffTable} WHERE {BenchEmails}", cancellationToken);
        await ExecuteAsync("DELETE FROM audit.audit_entries WHERE entity_type = 'StaffMember'", cancellationToken);
        await ExecuteAsync($"VACUUM ANALYZE {StaffTable}, audit.audit_entries", cancellationToken);
    }

    public async Task<long> CountBenchStaffAsync(CancellationToken cancellationToken) =>
        (long)(await ScalarAsync($"SELECT count(*) FROM {StaffTable} WHERE {BenchEmails}", cancellationToken))!;

    /// <summary>A scratch table shaped like the real one (no indexes, no constraints but NOT NULL), for the COPY floor.</summary>
    public Task CreateScratchTableAsync(CancellationToken cancellationToken) =>
        ExecuteAsync($"CREATE TEMP TABLE bench_staff_copy (LIKE {StaffTable} INCLUDING DEFAULTS)", cancellationToken);

    public Task EmptyScratchTableAsync(CancellationToken cancellationToken) =>
        ExecuteAsync("TRUNCATE bench_staff_copy", cancellationToken);

    /// <summary>The floor for getting the rows into PostgreSQL: one binary COPY, timed from its start to its commit.</summary>
    public async Task<TimeSpan> CopyAsync(IReadOnlyList<RosterRow> rows, IReadOnlyDictionary<string, Guid> unitIds, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await using (var writer = await _connection.BeginBinaryImportAsync(
            "COPY bench_staff_copy (id, name, email, unit_id, title, is_manager, created_at, updated_at, revision) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(Guid.CreateVersion7(now), NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(row.Name, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(row.Email, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(unitIds[row.Unit], NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(row.Title, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(row.IsManager, NpgsqlDbType.Boolean, cancellationToken);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        clock.Stop();
        var copied = (long)(await ScalarAsync("SELECT count(*) FROM bench_staff_copy", cancellationToken))!;
        if (copied != rows.Count)
        {
            throw new BenchSetupException($"COPY stored {copied} rows, not {rows.Count}");
        }

        return clock.Elapsed;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, _connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, _connection);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }
}
