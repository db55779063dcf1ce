namespace EnSakITaget.Domain.Community;

/// <summary>One week of the library's blog duty: who is responsible for the blog from that Monday.</summary>
public sealed class DutyWeek
{
    private DutyWeek()
    {
    }

    /// <summary>The Monday the week starts.</summary>
    public DateOnly WeekOf { get; private set; }

    /// <summary>The member of staff on duty; null once they have been erased.</summary>
    public Guid? StaffMemberId { get; private set; }

    internal static DutyWeek Of(DateOnly monday, Guid? staffMemberId) => new() { WeekOf = monday, StaffMemberId = staffMemberId };

    internal void Assign(Guid? staffMemberId) => StaffMemberId = staffMemberId;
}

/// <summary>
/// Who of a library's volunteers is responsible for its public blog, one week at a time: the
/// volunteers take turns in the order given, from the Monday of the start date, and pause weeks
/// are skipped. Two weeks can swap their people.
/// </summary>
public sealed class BlogDutyRota
{
    public const int MaxVolunteers = 100;
    public const int MaxWeeks = 104;

    private BlogDutyRota()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The municipal library organisation whose blog it is.</summary>
    public Guid LibraryId { get; private set; }

    public List<DutyWeek> Weeks { get; private set; } = [];
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Revision { get; private set; }

    public static BlogDutyRota For(Guid libraryId, DateTimeOffset now) => new() { Id = Guid.CreateVersion7(now), LibraryId = libraryId, UpdatedAt = now };

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>Lays the rota out again: <paramref name="weeks"/> duty weeks from the Monday of <paramref name="start"/>, pause weeks skipped.</summary>
    /// <param name="pauses">Days in a week that is not a duty week (the summer, Christmas): any day of the week pauses the whole week.</param>
    public void Generate(IReadOnlyList<Guid> volunteers, DateOnly start, int weeks, IReadOnlyCollection<DateOnly> pauses, DateTimeOffset now)
    {
        if (volunteers.Count == 0)
        {
            throw new CommunityRuleException("A rota needs at least one volunteer.");
        }

        if (volunteers.Distinct().Count() != volunteers.Count)
        {
            throw new CommunityRuleException("A volunteer is listed twice: each takes their turn once per round of the rota.");
        }

        var paused = pauses.Select(MondayOf).ToHashSet();
        var laidOut = new List<DutyWeek>();
        for (var monday = MondayOf(start); laidOut.Count < weeks; monday = monday.AddDays(7))
        {
            if (!paused.Contains(monday))
            {
                laidOut.Add(DutyWeek.Of(monday, volunteers[laidOut.Count % volunteers.Count]));
            }
        }

        (Weeks, UpdatedAt) = (laidOut, now);
        Revision++;
    }

    /// <summary>The people of two weeks change places.</summary>
    public void Swap(DateOnly weekA, DateOnly weekB, DateTimeOffset now)
    {
        var a = Week(weekA);
        var b = Week(weekB);
        var person = a.StaffMemberId;
        a.Assign(b.StaffMemberId);
        b.Assign(person);
        UpdatedAt = now;
        Revision++;
    }

    /// <summary>Who is on duty the week of this day, if anyone.</summary>
    public DutyWeek? OnDuty(DateOnly day) => Weeks.FirstOrDefault(w => w.WeekOf == MondayOf(day));

    /// <summary>An erased person no longer stands in the rota; their weeks stay, with nobody on duty.</summary>
    public int Erase(Guid staffMemberId, DateTimeOffset now)
    {
        var theirs = Weeks.Where(w => w.StaffMemberId == staffMemberId).ToList();
        theirs.ForEach(w => w.Assign(null));
        if (theirs.Count > 0)
        {
            UpdatedAt = now;
            Revision++;
        }

        return theirs.Count;
    }

    private DutyWeek Week(DateOnly monday) =>
        Weeks.FirstOrDefault(w => w.WeekOf == MondayOf(monday))
        ?? throw new CommunityRuleException($"The rota has no week of {MondayOf(monday):yyyy-MM-dd}.");
}
