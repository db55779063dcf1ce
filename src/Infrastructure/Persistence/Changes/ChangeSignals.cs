using System.Diagnostics;
using EnSakITaget.Application.Common.Abstractions;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Infrastructure.Persistence.Changes;

/// <summary>
/// This instance's count of changes per topic. Changes saved here move it on as they commit
/// (<see cref="ChangeSignalInterceptor"/>); on PostgreSQL, changes saved anywhere move it on when
/// their notification arrives (<see cref="PostgreSqlChangeListener"/>). On PostgreSQL nothing is
/// trusted until the listener hears, nor while it does not; the embedded SQLite database has
/// one instance, this one, so it hears every change from the start.
/// </summary>
internal sealed class ChangeSignals : IChangeSignals
{
    /// <summary>The PostgreSQL channel the database's triggers notify, with the topic's name as the payload.</summary>
    public const string Channel = "ensakitaget_changes";

    /// <summary>
    /// How long what was last heard vouches for the connection: the listener hears its own probe
    /// after every <see cref="PostgreSqlChangeListener.Quiet"/>, within
    /// <see cref="PostgreSqlChangeListener.CheckTimeout"/>. Past that, nothing kept is trusted even
    /// before the listener gives up on a connection that has silently died.
    /// </summary>
    public static readonly TimeSpan Lease = PostgreSqlChangeListener.Quiet + PostgreSqlChangeListener.CheckTimeout;

    private readonly long[] counts = new long[Enum.GetValues<ChangeTopic>().Length];
    private readonly bool leased;
    private volatile bool hearing;
    private long lastHeard;

    public ChangeSignals(IOptions<DatabaseOptions> database)
    {
        leased = database.Value.Provider != DatabaseProvider.Sqlite;
        hearing = !leased;
    }

    public bool IsHearing => hearing && !LeaseLapsed;

    public long? StampOf(ChangeTopic topic) => IsHearing ? Interlocked.Read(ref counts[(int)topic]) : null;

    // Counts only grow, so their sum moves on whenever either does.
    public long? StampOf(ChangeTopic first, ChangeTopic second) =>
        IsHearing ? Interlocked.Read(ref counts[(int)first]) + Interlocked.Read(ref counts[(int)second]) : null;

    private bool LeaseLapsed => leased && Stopwatch.GetElapsedTime(Interlocked.Read(ref lastHeard)) > Lease;

    /// <summary>
    /// The connection is proved to carry notifications now. After a lapse, whatever was missed
    /// counts as changed.
    /// </summary>
    public void Heard()
    {
        if (LeaseLapsed)
        {
            AllMovedOn();
        }

        Interlocked.Exchange(ref lastHeard, Stopwatch.GetTimestamp());
    }

    public void MovedOn(ChangeTopic topic) => Interlocked.Increment(ref counts[(int)topic]);

    /// <summary>A notification's payload: the topic's name in snake case; anything else may be anything.</summary>
    public void MovedOn(string payload)
    {
        if (Topics.TryGetValue(payload, out var topic))
        {
            MovedOn(topic);
        }
        else
        {
            AllMovedOn();
        }
    }

    /// <summary>From now on every change is heard; whatever was missed before counts as changed.</summary>
    public void StartHearing()
    {
        AllMovedOn();
        Interlocked.Exchange(ref lastHeard, Stopwatch.GetTimestamp());
        hearing = true;
    }

    public void StopHearing()
    {
        hearing = false;
        AllMovedOn();
    }

    private static string NameOf(ChangeTopic topic) => topic switch
    {
        ChangeTopic.Data => "data",
        ChangeTopic.Access => "access",
        ChangeTopic.LibraryTree => "library_tree",
        _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, null),
    };

    private static readonly Dictionary<string, ChangeTopic> Topics = Enum.GetValues<ChangeTopic>().ToDictionary(NameOf, StringComparer.Ordinal);

    private void AllMovedOn()
    {
        foreach (var topic in Enum.GetValues<ChangeTopic>())
        {
            MovedOn(topic);
        }
    }
}
