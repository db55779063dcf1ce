using System.Text.Json;
using EnSakITaget.Web.Common.Api;
using EnSakITaget.Web.ComponentTests.Common;
using EnSakITaget.Web.Courses;

namespace EnSakITaget.Web.ComponentTests.Courses;

public sealed class ThingOrderTests : ComponentTest
{
    private static readonly Guid CourseId = Guid.Parse("0195b4c0-0000-7000-8000-000000000001");
    private static readonly string[] Titles = ["Lärplattformen", "Bloggar", "Facebook", "Google"];
    private static readonly Guid[] Ids = [.. Titles.Select((_, i) => Guid.Parse($"0195b4c0-0000-7000-8000-00000000010{i}"))];

    [Fact]
    public void A_step_moves_a_thing_one_place_and_nothing_moves_past_either_end()
    {
        ThingOrder.Step(Ids, Ids[1], 1).ShouldBe(new ThingMove(Ids[1], 1, 2));
        ThingOrder.Step(Ids, Ids[1], -1)!.NewPosition.ShouldBe(1);
        ThingOrder.Step(Ids, Ids[0], -1).ShouldBeNull();
        ThingOrder.Step(Ids, Ids[3], 1).ShouldBeNull();
        ThingOrder.Step(Ids, Guid.NewGuid(), 1).ShouldBeNull();
    }

    [Fact]
    public void A_dropped_thing_takes_the_place_of_the_one_it_is_dropped_on()
    {
        var move = ThingOrder.Drop(Ids, Ids[3], Ids[0])!;

        move.NewPosition.ShouldBe(1);
        ThingOrder.Apply(Titles, move).ShouldBe(["Google", "Lärplattformen", "Bloggar", "Facebook"]);
        ThingOrder.Drop(Ids, Ids[2], Ids[2]).ShouldBeNull();
    }

    [Fact]
    public void Moving_down_by_keyboard_asks_the_api_for_the_new_position_and_announces_where_the_thing_went()
    {
        var moved = ThingOrder.Apply(Things(), new ThingMove(Ids[1], 1, 2));
        Http.Answer("PUT", $"/api/v1/courses/{CourseId}/things/{Ids[1]}", Course(moved));
        CourseDto? changed = null;
        var list = Render<ThingList>(ps => ps.Add(p => p.CourseId, CourseId).Add(p => p.Things, Things())
            .Add(p => p.OnChanged, (CourseDto c) => changed = c));

        list.FindAll("li.course-thing")[1].QuerySelectorAll("button")[1].Click();

        var (route, body) = Http.Sent.ShouldHaveSingleItem();
        route.ShouldBe($"PUT /api/v1/courses/{CourseId}/things/{Ids[1]}");
        var sent = JsonDocument.Parse(body!).RootElement;
        sent.GetProperty("position").GetInt32().ShouldBe(3);
        sent.GetProperty("title").GetString().ShouldBe("Bloggar");
        sent.GetProperty("estimatedMinutes").GetInt32().ShouldBe(45);
        list.Find("[role=status]").TextContent.ShouldBe("Bloggar är flyttad till plats 3 av 4.");
        changed!.Things!.Select(t => t.Title).ShouldBe(["Lärplattformen", "Facebook", "Bloggar", "Google"]);
    }

    [Fact]
    public void The_first_thing_s_up_button_stays_focusable_but_says_it_is_disabled_and_moves_nothing()
    {
        var list = Render<ThingList>(ps => ps.Add(p => p.CourseId, CourseId).Add(p => p.Things, Things()));

        var first = list.FindAll("li.course-thing")[0].QuerySelectorAll("button");
        first[0].GetAttribute("aria-disabled").ShouldBe("true");
        first[0].HasAttribute("disabled").ShouldBeFalse();
        first[1].HasAttribute("aria-disabled").ShouldBeFalse();
        first[0].Click();

        Http.Sent.ShouldBeEmpty();
        list.FindAll("li.course-thing h3").Select(h => h.TextContent).ShouldBe(["Sak 1: Lärplattformen", "Sak 2: Bloggar", "Sak 3: Facebook", "Sak 4: Google"]);
    }

    [Fact]
    public void A_drag_and_drop_asks_the_api_for_the_place_of_the_thing_dropped_on()
    {
        Http.Answer("PUT", $"/api/v1/courses/{CourseId}/things/{Ids[3]}", Course(ThingOrder.Apply(Things(), new ThingMove(Ids[3], 3, 0))));
        var list = Render<ThingList>(ps => ps.Add(p => p.CourseId, CourseId).Add(p => p.Things, Things()));

        list.FindAll("li.course-thing")[3].TriggerEvent("ondragstart", new Microsoft.AspNetCore.Components.Web.DragEventArgs());
        list.FindAll("li.course-thing")[0].TriggerEvent("ondrop", new Microsoft.AspNetCore.Components.Web.DragEventArgs());

        var (_, body) = Http.Sent.ShouldHaveSingleItem();
        JsonDocument.Parse(body!).RootElement.GetProperty("position").GetInt32().ShouldBe(1);
        list.Find("[role=status]").TextContent.ShouldBe("Google är flyttad till plats 1 av 4.");
    }

    private static List<ThingDto> Things() =>
        [.. Titles.Select((title, i) => new ThingDto { Id = Ids[i], Position = i + 1, Title = title, Instructions = "", Links = [], EstimatedMinutes = 45, ReportPrompt = "" })];

    private static string Course(IReadOnlyList<ThingDto> things) => JsonSerializer.Serialize(new
    {
        id = CourseId, title = "Sociala medier", language = "sv", version = 1, status = "Draft",
        things = things.Select((t, i) => new { id = t.Id, position = i + 1, title = t.Title, instructions = "", links = Array.Empty<string>(), estimatedMinutes = 45, reportPrompt = "" }),
    });
}
