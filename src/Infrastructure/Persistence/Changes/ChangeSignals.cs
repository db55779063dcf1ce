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
public sealed class ChangeSignals : IChangeSignals
{
    /// <summary>The PostgreSQL channel the database's triggers notify, with the topic's name as the payload.</summary>
    public const string Channel = "ensakitaget_changes";

    private readonly long[] counts = new long[Enum.GetValues<ChangeTopic>().Length];
    private volatile bool hearing;

    public ChangeSignals(IOptions<DatabaseOptions> database)
    {
        hearing = database.Value.Provider == DatabaseProvider.Sqlite;
    }

    public bool IsHearing => hearing;

    public long? StampOf(ChangeTopic topic) => hearing ? Interlocked.Read(ref counts[(int)topic]) : null;

    // Counts only grow, so their sum moves on whenever either does.
    public long? StampOf(ChangeTopic first, ChangeTopic second) =>
        hearing ? Interlocked.Read(ref counts[(int)first]) + Interlocked.Read(ref counts[(int)second]) : null;

    public void MovedOn(ChangeTopic topic) => Interlocked.Increment(ref counts[(int)topic]);

    /// <summary>A notification's payload: the topic's name in snake case; anything else may be anything.</summary>
    public void MovedOn(string payload)
    {
        if (TopicNamed(payload) is { } topic)
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
        hearing = true;
    }

    public void StopHearing()
    {
        hearing = false;
        AllMovedOn();
    }

    public static string NameOf(ChangeTopic topic) => topic switch
    {
        ChangeTopic.Data => "data",
        ChangeTopic.Access => "access",
        ChangeTopic.LibraryTree => "library_tree",
        _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, null),
    };

    private static ChangeTopic? TopicNamed(string name) =>
        Enum.GetValues<ChangeTopic>().Cast<ChangeTopic?>().FirstOrDefault(t => NameOf(t!.Value) == name);

    private void AllMovedOn()
    {
        foreach (var topic in Enum.GetValues<ChangeTopic>())
        {
            MovedOn(topic);
        }
    }
}
