using Npgsql;

namespace EnSakITaget.Bench;

/// <summary>What the plain-SQL side of a comparison does with its answer: every value of every row of every result taken out, as a client would.</summary>
internal static class SqlReading
{
    /// <returns>The rows read, over all results.</returns>
    public static async Task<int> ReadEveryValueAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var rows = 0;
        do
        {
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync(cancellationToken))
            {
                reader.GetValues(values);
                rows++;
            }
        }
        while (await reader.NextResultAsync(cancellationToken));

        return rows;
    }
}
