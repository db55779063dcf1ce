namespace EnSakITaget.Domain.Audit;

/// <summary>
/// One row whose value moves on with every audited change and every survey response, in the
/// transaction that makes it. The database moves it (a trigger), and the row lock orders the
/// values as the transactions commit, so a value seen once always means the same data.
/// </summary>
public sealed class DataRevision
{
    public const int SingletonId = 1;

    private DataRevision()
    {
    }

    public int Id { get; private set; }
    public long Value { get; private set; }
}
