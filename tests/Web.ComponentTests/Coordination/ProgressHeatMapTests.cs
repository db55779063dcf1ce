using EnSakITaget.Web.Common.Api;
using EnSakITaget.Web.ComponentTests.Common;
using EnSakITaget.Web.Coordination;

namespace EnSakITaget.Web.ComponentTests.Coordination;

public sealed class ProgressHeatMapTests : ComponentTest
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Every_participant_gets_a_cell_for_every_thing_though_the_API_sends_only_the_started_ones()
    {
        var model = MatrixModel.From(Matrix(things: 4, released: 2, Row("Anna", Reported(1, acknowledged: true), Started(2))));

        var row = model.Rows.ShouldHaveSingleItem();
        row.Cells.Select(c => c.State).ShouldBe([CellState.Acknowledged, CellState.Started, CellState.NotReleased, CellState.NotReleased]);
        row.CurrentPosition.ShouldBe(2);
    }

    [Fact]
    public void A_released_thing_nobody_started_is_not_started_and_one_not_out_yet_is_not_released()
    {
        var model = MatrixModel.From(Matrix(things: 3, released: 2, Row("Bo")));

        model.Rows[0].Cells.Select(c => c.State).ShouldBe([CellState.NotStarted, CellState.NotStarted, CellState.NotReleased]);
        model.Rows[0].CurrentPosition.ShouldBe(1);
    }

    [Fact]
    public void Someone_who_reported_every_thing_stands_at_none()
    {
        var model = MatrixModel.From(Matrix(things: 2, released: 2, Row("Cilla", Reported(1), Reported(2))));

        model.Rows[0].CurrentPosition.ShouldBeNull();
    }

    [Fact]
    public void The_page_count_follows_the_API_s_paging()
    {
        var dto = Matrix(things: 1, released: 1, Row("Dan"));
        (dto.Page, dto.PageSize, dto.TotalCount) = (2, 50, 351);

        MatrixModel.From(dto).PageCount.ShouldBe(8);
    }

    [Fact]
    public void Each_cell_says_its_state_and_date_in_text_as_well_as_by_its_shade()
    {
        var model = MatrixModel.From(Matrix(things: 3, released: 2, Row("Anna", Reported(1)), Row("Bo", Started(1))));

        var map = Render<ProgressHeatMap>(ps => ps.Add(p => p.Model, model));

        var rows = map.FindAll("tbody tr");
        rows.Count.ShouldBe(2);
        rows[0].QuerySelector("th[scope=row]")!.TextContent.ShouldBe("Anna");
        var annaCells = rows[0].QuerySelectorAll("td");
        annaCells.Length.ShouldBe(3);
        annaCells[0].ClassList.ShouldContain("hm--reported");
        annaCells[0].QuerySelector(".visually-hidden")!.TextContent.ShouldBe("Redovisad 2 mars 2026");
        annaCells[1].QuerySelector(".visually-hidden")!.TextContent.ShouldBe("Inte påbörjad");
        annaCells[2].QuerySelector(".visually-hidden")!.TextContent.ShouldBe("Inte ute");
        rows[1].QuerySelectorAll("td")[0].QuerySelector(".visually-hidden")!.TextContent.ShouldBe("Påbörjad 2 mars 2026");
    }

    [Fact]
    public void The_column_headers_name_each_thing_and_the_scrolling_region_can_be_reached_by_keyboard()
    {
        var model = MatrixModel.From(Matrix(things: 2, released: 1, Row("Anna")));

        var map = Render<ProgressHeatMap>(ps => ps.Add(p => p.Model, model));

        map.Find("[role=region]").GetAttribute("tabindex").ShouldBe("0");
        var headers = map.FindAll("thead th[scope=col]");
        headers.Count.ShouldBe(3);
        headers[1].QuerySelector(".visually-hidden")!.TextContent.ShouldBe("Sak 1: Sak nummer 1");
        headers[2].ClassList.ShouldContain("heatmap__thing--later");
    }

    private static ProgressMatrixDto Matrix(int things, int released, params MatrixRowDto[] rows) => new()
    {
        RoundId = Guid.NewGuid(),
        Things = [.. Enumerable.Range(1, things).Select(p => new MatrixThingDto
        {
            Id = Guid.NewGuid(), Position = p, Title = $"Sak nummer {p}", ReleasedAt = p <= released ? Monday.AddDays(-7 * p) : null,
        })],
        Items = [.. rows],
        Page = 1,
        PageSize = 50,
        TotalCount = rows.Length,
    };

    private static MatrixRowDto Row(string name, params MatrixCellDto[] cells) => new()
    {
        ParticipantId = Guid.NewGuid(), Name = name, UnitId = Guid.NewGuid(), IsManager = false, IsPilot = false,
        Status = EnrolmentStatus.Active, ThingsReported = cells.Count(c => c.Status == ThingProgressStatus.Reported), Cells = [.. cells],
    };

    private static MatrixCellDto Reported(int position, bool acknowledged = false) => new()
    {
        Position = position, Status = ThingProgressStatus.Reported, StartedAt = Monday, ReportedAt = Monday, AcknowledgedAt = acknowledged ? Monday : null,
    };

    private static MatrixCellDto Started(int position) => new() { Position = position, Status = ThingProgressStatus.Started, StartedAt = Monday };
}
