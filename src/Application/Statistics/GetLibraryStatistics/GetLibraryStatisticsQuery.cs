using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Courses.Contracts;
using EnSakITaget.Application.Libraries.Contracts;
using EnSakITaget.Application.Statistics.Contracts;
using EnSakITaget.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using ValidationException = EnSakITaget.Application.Common.Exceptions.ValidationException;

namespace EnSakITaget.Application.Statistics.GetLibraryStatistics;

/// <summary>
/// One row per library node the caller may see (or under <see cref="LibraryId"/>), each rolled
/// up over its subtree, in tree order.
/// </summary>
/// <param name="From">First day of the period; none for all time.</param>
/// <param name="To">Last day of the period; today when none.</param>
public sealed record GetLibraryStatisticsQuery(
    Guid? LibraryId = null, Guid? CourseId = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = PagingDefaults.PageSize)
    : IQuery<LibraryStatisticsList>, IPagedQuery;

/// <param name="WeeklyReports">
/// Things reported per week in the period by the staff of the whole subtree the rows cover (not only
/// this page's), from Monday; a week's count is null when it was held back for an integration key.
/// </param>
public sealed record LibraryStatisticsList(
    IReadOnlyList<LibraryStatisticsDto> Items, int Page, int PageSize, int TotalCount, DateOnly? From, DateOnly To, Guid? CourseId,
    IReadOnlyList<WeeklyReportsDto> WeeklyReports);

/// <summary>One library node's figures, its whole subtree included. A null figure was suppressed; <see cref="Suppressed"/> names it.</summary>
/// <param name="Staff">The staff counts of the units.</param>
/// <param name="Enrolled">People with an enrolment, not withdrawn, invited by the end of the period.</param>
/// <param name="Coverage">Enrolled ÷ staff.</param>
/// <param name="ManagersTakingPart">Enrolled people who are managers.</param>
/// <param name="ActiveLast30Days">Enrolled people who started or reported a thing in the 30 days up to today, whatever the period.</param>
/// <param name="EnrolmentsCompleted">Enrolments completed in the period.</param>
/// <param name="ThingsReported">Things reported by the enrolled people; with a period, every report made in it.</param>
/// <param name="FeedbackResponses">Closing survey responses in the period, in rounds run by libraries of the subtree.</param>
/// <param name="FeedbackResponseRate">Those responses ÷ the enrolments of the rounds that have a survey.</param>
public sealed record LibraryStatisticsDto(
    Guid LibraryId, string Name, string Type, Guid? ParentId, int? Staff, int? Enrolled, double? Coverage, int? ManagersTakingPart,
    int? ActiveLast30Days, int? EnrolmentsCompleted, int? ThingsReported, int? FeedbackResponses, double? FeedbackResponseRate,
    string Suppressed);

internal sealed class GetLibraryStatisticsQueryValidator : AbstractValidator<GetLibraryStatisticsQuery>
{
    public const int MaxPageSize = 2000;

    public GetLibraryStatisticsQueryValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, PagingRules.MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize);
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("The period ends before it begins.");
    }
}

internal sealed class GetLibraryStatisticsQueryHandler(
    ILibraryDirectory libraries, IRoundDirectory rounds, IParticipationStatistics participation, IFeedbackStatistics feedback,
    ILibraryScope scope, ICurrentUser caller, CourseCalendar calendar, IOptions<StatisticsOptions> options)
    : IQueryHandler<GetLibraryStatisticsQuery, LibraryStatisticsList>
{
    public async ValueTask<LibraryStatisticsList> Handle(GetLibraryStatisticsQuery query, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var period = new StatisticsPeriod(query.From, query.To ?? today, today);
        var tree = await libraries.VisibleTreeAsync(cancellationToken);
        var nodes = tree.ToDictionary(n => n.Id);
        if (query.LibraryId is { } root && !nodes.ContainsKey(root))
        {
            throw new ValidationException("libraryId", $"There is no library {root}.");
        }

        IReadOnlyCollection<Guid>? roundIds = null;
        if (query.CourseId is { } courseId)
        {
            roundIds = await rounds.IsCourseVisibleAsync(courseId, cancellationToken) || scope.IsUnrestricted
                ? await rounds.RoundIdsOfCourseAsync(courseId, cancellationToken)
                : throw new ValidationException("courseId", $"There is no course {courseId}.");
        }

        var ordered = InTreeOrder(tree, query.LibraryId);
        var figures = await participation.PerUnitAsync(period, roundIds, scope.IsUnrestricted ? null : nodes.Keys, cancellationToken);
        var covered = query.LibraryId is null && scope.IsUnrestricted ? null : ordered.Select(n => n.Id).ToList();
        var perDay = await participation.ReportsPerDayAsync(period, roundIds, covered, cancellationToken);
        var responses = (await feedback.ResponsesPerRoundAsync(period, roundIds, cancellationToken)).Where(r => nodes.ContainsKey(r.HomeLibraryId)).ToList();
        var enrolledInSurveyed = await participation.EnrolledPerRoundAsync([.. responses.Select(r => r.RoundId)], cancellationToken);

        var rolledUp = RollUp(tree, figures, responses, enrolledInSurveyed);
        var suppression = new Suppression(caller.ApiKeyId is not null, options.Value.MinimumGroupSize);
        var page = ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(node => RowOf(node, rolledUp[node.Id], suppression))
            .ToList();
        var weekly = WeeklyReports.Of(perDay, (value, field) => suppression.Count(value, field, []));
        return new LibraryStatisticsList(page, query.Page, query.PageSize, ordered.Count, query.From, period.To, query.CourseId, weekly);
    }

    private static Dictionary<Guid, Totals> RollUp(
        IReadOnlyList<LibraryFacts> tree, IReadOnlyList<UnitParticipation> figures, List<RoundResponses> responses,
        IReadOnlyDictionary<Guid, int> enrolledInSurveyed)
    {
        var totals = tree.ToDictionary(n => n.Id, n => new Totals { Staff = n.Level == LibraryLevel.Unit ? n.StaffCount ?? 0 : 0 });
        foreach (var unit in figures.Where(f => totals.ContainsKey(f.UnitId)))
        {
            totals[unit.UnitId].Add(unit);
        }

        foreach (var round in responses)
        {
            totals[round.HomeLibraryId].AddFeedback(round.Responses, enrolledInSurveyed.GetValueOrDefault(round.RoundId));
        }

        // Children before parents: counties, then municipalities, then units, taken in reverse.
        var parentOf = tree.Where(n => n.ParentId is not null).ToDictionary(n => n.Id, n => n.ParentId!.Value);
        foreach (var node in tree.OrderByDescending(n => n.Level))
        {
            if (parentOf.TryGetValue(node.Id, out var parent) && totals.TryGetValue(parent, out var up))
            {
                up.Add(totals[node.Id]);
            }
        }

        return totals;
    }

    private static List<LibraryFacts> InTreeOrder(IReadOnlyList<LibraryFacts> tree, Guid? root)
    {
        var children = tree.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!.Value);
        var ids = tree.Select(n => n.Id).ToHashSet();
        var tops = root is { } r ? tree.Where(n => n.Id == r) : tree.Where(n => n.ParentId is null || !ids.Contains(n.ParentId.Value));
        var ordered = new List<LibraryFacts>(tree.Count);
        var stack = new Stack<LibraryFacts>(tops.OrderByDescending(n => n.Name, StringComparer.Ordinal));
        while (stack.TryPop(out var node))
        {
            ordered.Add(node);
            foreach (var child in children[node.Id].OrderByDescending(n => n.Name, StringComparer.Ordinal))
            {
                stack.Push(child);
            }
        }

        return ordered;
    }

    private static LibraryStatisticsDto RowOf(LibraryFacts node, Totals t, Suppression suppression)
    {
        var suppressed = new List<string>();
        var enrolled = suppression.Count(t.Enrolled, "enrolled", suppressed);
        var managers = suppression.Count(t.Managers, "managersTakingPart", suppressed);
        var active = suppression.Count(t.Active, "activeLast30Days", suppressed);
        var completed = suppression.Count(t.Completed, "enrolmentsCompleted", suppressed);
        var reported = enrolled is null ? null : (int?)t.Reported;
        if (enrolled is null)
        {
            suppressed.Add("thingsReported");
        }

        var responses = suppression.Count(t.Responses, "feedbackResponses", suppressed);
        return new LibraryStatisticsDto(
            node.Id, node.Name, node.Type, node.ParentId, t.Staff, enrolled, Suppression.Share(enrolled, t.Staff), managers, active, completed,
            reported, responses, Suppression.Share(responses, t.SurveyedEnrolments), string.Join(' ', suppressed));
    }

    private sealed class Totals
    {
        public int Staff { get; set; }
        public int Enrolled { get; private set; }
        public int Managers { get; private set; }
        public int Active { get; private set; }
        public int Completed { get; private set; }
        public int Reported { get; private set; }
        public int Responses { get; private set; }
        public int SurveyedEnrolments { get; private set; }

        public void Add(UnitParticipation unit)
        {
            Enrolled += unit.Enrolled;
            Managers += unit.ManagersTakingPart;
            Active += unit.ActiveLast30Days;
            Completed += unit.EnrolmentsCompleted;
            Reported += unit.ThingsReported;
        }

        public void AddFeedback(int responses, int enrolled)
        {
            Responses += responses;
            SurveyedEnrolments += enrolled;
        }

        public void Add(Totals child)
        {
            Staff += child.Staff;
            Enrolled += child.Enrolled;
            Managers += child.Managers;
            Active += child.Active;
            Completed += child.Completed;
            Reported += child.Reported;
            Responses += child.Responses;
            SurveyedEnrolments += child.SurveyedEnrolments;
        }
    }
}
