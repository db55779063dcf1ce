using Npgsql;

namespace EnSakITaget.Bench.National;

/// <summary>One open connection per worker, kept for the whole measurement: the plain SQL pays for no pooling, no reset and no sign-in.</summary>
internal sealed class SqlWorkers : IAsyncDisposable
{
    private readonly List<NpgsqlConnection> _connections = [];

    private SqlWorkers()
    {
    }

    public NpgsqlConnection this[int worker] => _connections[worker];

    public static async Task<SqlWorkers> OpenAsync(string connectionString, int count, CancellationToken cancellationToken)
    {
        var workers = new SqlWorkers();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var connection = new NpgsqlConnection(connectionString);
                workers._connections.Add(connection);
                await connection.OpenAsync(cancellationToken);
            }

            return workers;
        }
        catch
        {
            await workers.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }
}
