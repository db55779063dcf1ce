namespace EnSakITaget.Bench.National;

/// <summary>How a round's participants tend to behave.</summary>
/// <param name="NeverStarted">Share who are invited and do nothing more.</param>
/// <param name="Withdrawn">Share who withdraw after a few things.</param>
/// <param name="Completed">Share who report every thing.</param>
/// <param name="LeastReported">The rest report at least this share of the things.</param>
/// <param name="Acknowledged">Share of reports a coordinator acknowledges.</param>
/// <param name="Revised">Share of reports revised afterwards.</param>
/// <param name="Nudged">Share of those not done who are nudged.</param>
internal sealed record ParticipationProfile(
    double NeverStarted, double Withdrawn, double Completed, double LeastReported, double Acknowledged, double Revised, double Nudged)
{
    /// <summary>An ordinary round a year on: some never began, many are done, the rest spread out, the recent ones active.</summary>
    public static readonly ParticipationProfile Regular = new(0.08, 0.05, 0.5, 0, 0.7, 0.05, 0.5);

    /// <summary>The matrix's round: everyone well on, most things reported (60 % to all).</summary>
    public static readonly ParticipationProfile Dense = new(0, 0, 0.1, 0.6, 0.1, 0, 0);
}

/// <summary>
/// Plays a year of a round for one enrolment after another, with a seeded random: the
/// invitation a year ago, the kick-off, starts and reports spread up to now (more of them
/// recently), acknowledgements, revisions, nudges and withdrawals, in an order the domain allows.
/// </summary>
internal sealed class ProgressSimulator(DateTimeOffset now, DateTimeOffset kickOff, int seed)
{
    private static readonly string[] Comments = ["Bra reflektion!", "Tack, intressant.", "Fint att du provade.", "Snyggt jobbat."];
    private static readonly string[] Nudges = ["Hur går det? Hör av dig om du kör fast.", "Påminnelse: nästa sak väntar på dig."];

    private readonly Random _random = new(seed);
    private readonly DateTimeOffset _latest = now.AddMinutes(-5);

    public EnrolmentHistory Play(EnrolmentSlot slot, ParticipationProfile profile)
    {
        var things = slot.ThingIds.Count;
        var history = EnrolmentHistory.Invite(slot, kickOff.AddHours(-Uniform(0, 7 * 24)));
        var roll = _random.NextDouble();
        if (roll < profile.NeverStarted)
        {
            NudgeMaybe(history, profile, until: _latest);
            return history;
        }

        var withdraws = roll < profile.NeverStarted + profile.Withdrawn;
        var completes = !withdraws && roll < profile.NeverStarted + profile.Withdrawn + profile.Completed;
        var reported = completes ? things
            : withdraws ? _random.Next(0, things / 2 + 1)
            : _random.Next((int)Math.Ceiling(profile.LeastReported * things), things);
        var startsNext = reported < things && !withdraws && (_random.NextDouble() < 0.6 || reported == 0);

        if (_random.NextDouble() < 0.7)
        {
            history.AttendKickOff(kickOff.AddHours(1 + Uniform(0, 2)));
        }

        var moments = Moments(reported + (startsNext ? 1 : 0), completes, withdraws);
        WorkThrough(history, moments, reported, startsNext, profile);
        if (!completes)
        {
            var withdrawal = withdraws ? WithdrawalAfter(history) : (DateTimeOffset?)null;
            NudgeMaybe(history, profile, until: withdrawal ?? _latest);
            if (withdrawal is { } at)
            {
                history.Withdraw(at);
            }
        }

        return history;
    }

    private void WorkThrough(EnrolmentHistory history, List<DateTimeOffset> moments, int reported, bool startsNext, ParticipationProfile profile)
    {
        var previous = history.InvitedAt;
        for (var position = 1; position <= reported; position++)
        {
            var reportedAt = moments[position - 1];
            var startedAt = _random.NextDouble() < 0.4 ? reportedAt : Latest(previous, reportedAt.AddHours(-Uniform(0.5, 48)));
            var thing = history.Start(position, startedAt);
            history.Report(thing, Texts.Reflection(position), reportedAt);
            previous = reportedAt;
            if (_random.NextDouble() < profile.Revised)
            {
                history.Revise(thing, Texts.Revision(position), Earliest(_latest, reportedAt.AddHours(Uniform(1, 5 * 24))));
            }

            if (_random.NextDouble() < profile.Acknowledged)
            {
                var comment = _random.NextDouble() < 0.5 ? Comments[_random.Next(Comments.Length)] : null;
                history.Acknowledge(thing, comment, Earliest(_latest, reportedAt.AddHours(Uniform(1, 72))));
            }
        }

        if (startsNext)
        {
            history.Start(reported + 1, moments[reported]);
        }
    }

    /// <summary>When the participant's things happen: sorted, from a few weeks after the kick-off to an end that depends on how it goes.</summary>
    private List<DateTimeOffset> Moments(int count, bool completes, bool withdraws)
    {
        var begin = kickOff.AddDays(Uniform(0, 20));
        var span = (_latest - begin).TotalDays;
        // The active ones are spread towards now: a fair share of them has been active in the last 30 days.
        var end = completes ? begin.AddDays(Uniform(Math.Min(30, span), span))
            : withdraws ? begin.AddDays(span * Uniform(0.05, 0.6))
            : _latest.AddDays(-span * Math.Pow(_random.NextDouble(), 2));
        var length = (end - begin).TotalDays;
        return [.. Enumerable.Range(0, count).Select(_ => begin.AddDays(length * _random.NextDouble())).Order()];
    }

    private DateTimeOffset WithdrawalAfter(EnrolmentHistory history)
    {
        var last = history.LastActivityAt ?? kickOff;
        return Earliest(_latest, last.AddDays(Uniform(1, 30)));
    }

    /// <summary>A coordinator's reminder two weeks or more after the invitation, sometimes a second one at least a week later.</summary>
    private void NudgeMaybe(EnrolmentHistory history, ParticipationProfile profile, DateTimeOffset until)
    {
        var earliest = history.InvitedAt.AddDays(14);
        if (_random.NextDouble() >= profile.Nudged || earliest >= until)
        {
            return;
        }

        var first = earliest.AddDays((until - earliest).TotalDays * _random.NextDouble());
        history.Nudge(Nudges[0], first);
        var second = first.AddDays(Uniform(7, 40));
        if (_random.NextDouble() < 0.3 && second < until)
        {
            history.Nudge(Nudges[1], second);
        }
    }

    private double Uniform(double from, double to) => from + (to - from) * _random.NextDouble();

    private static DateTimeOffset Latest(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}

/// <summary>The reflections' texts, one string per position rather than one per report.</summary>
internal static class Texts
{
    private static readonly string[] Reflections = [.. Enumerable.Range(0, 201).Select(p => $"Reflektion över sak {p}: vad jag gjorde och vad jag lärde mig.")];
    private static readonly string[] Revisions = [.. Enumerable.Range(0, 201).Select(p => $"Reviderad reflektion över sak {p}, med ett tillägg.")];

    public static string Reflection(int position) => Reflections[position];

    public static string Revision(int position) => Revisions[position];
}
