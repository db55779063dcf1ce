using EnSakITaget.Domain.Courses;

namespace EnSakITaget.Domain.UnitTests.Courses;

public sealed class CourseTests
{
    private static readonly DateTimeOffset Now = new(2010, 2, 1, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly Guid CountyId = Guid.CreateVersion7();

    private static ThingContent Content(string title) => new(title, $"Läs om {title}.", ["https://example.org/"], 45, $"Blogga om {title}.");

    private static Course CourseWith(params string[] titles)
    {
        var course = Course.Create(CountyId, "23 saker", "Web 2.0 för bibliotekarier", "sv", Now);
        foreach (var title in titles)
        {
            course.AddThing(Content(title), null, Now);
        }

        return course;
    }

    private static Course PublishedCourseWith(params string[] titles)
    {
        var course = CourseWith(titles);
        course.Publish(Now);
        return course;
    }

    [Fact]
    public void A_new_course_is_a_draft_of_version_1_without_things()
    {
        var course = Course.Create(CountyId, "23 saker", "Web 2.0", "sv", Now);

        course.CountyId.ShouldBe(CountyId);
        course.Version.ShouldBe(1);
        course.Status.ShouldBe(CourseStatus.Draft);
        course.PublishedVersion.ShouldBeNull();
        course.Things.ShouldBeEmpty();
        (course.CreatedAt, course.UpdatedAt).ShouldBe((Now, Now));
    }

    [Fact]
    public void Things_go_last_unless_a_position_puts_them_elsewhere()
    {
        var course = CourseWith("Bloggar", "RSS");

        var first = course.AddThing(Content("Lärplattformen"), 1, Now);
        course.AddThing(Content("Wikipedia"), 3, Now);

        course.Things.Select(t => t.Title).ShouldBe(["Lärplattformen", "Bloggar", "Wikipedia", "RSS"]);
        course.PositionOf(first.Id).ShouldBe(1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Adding_at_a_position_outside_1_to_one_past_the_end_is_refused(int position)
    {
        var course = CourseWith("Bloggar", "RSS");

        Should.Throw<CourseRuleException>(() => course.AddThing(Content("Wikipedia"), position, Now))
            .Message.ShouldContain("choose 1 to 3");
    }

    [Fact]
    public void Changing_a_thing_with_a_position_moves_it()
    {
        var course = CourseWith("Bloggar", "RSS", "Flickr");
        var flickr = course.Things[2];

        course.ChangeThing(flickr.Id, Content("Flickr och bilder"), 1, Now);

        course.Things.Select(t => t.Title).ShouldBe(["Flickr och bilder", "Bloggar", "RSS"]);
        course.PositionOf(flickr.Id).ShouldBe(1);
    }

    [Fact]
    public void Changing_a_thing_without_a_position_keeps_its_place()
    {
        var course = CourseWith("Bloggar", "RSS", "Flickr");
        var rss = course.Things[1];

        course.ChangeThing(rss.Id, new ThingContent("RSS-läsare", "Prenumerera.", ["https://feedly.com/"], 90, "Vilka flöden?"), null, Now);

        course.PositionOf(rss.Id).ShouldBe(2);
        (rss.Title, rss.Instructions, rss.EstimatedMinutes, rss.ReportPrompt).ShouldBe(("RSS-läsare", "Prenumerera.", 90, "Vilka flöden?"));
        rss.Links.ShouldBe(["https://feedly.com/"]);
    }

    [Fact]
    public void Moving_a_thing_to_the_last_position_is_allowed_and_past_it_is_refused()
    {
        var course = CourseWith("Bloggar", "RSS", "Flickr");
        var bloggar = course.Things[0];

        course.ChangeThing(bloggar.Id, Content("Bloggar"), 3, Now);

        course.PositionOf(bloggar.Id).ShouldBe(3);
        Should.Throw<CourseRuleException>(() => course.ChangeThing(bloggar.Id, Content("Bloggar"), 4, Now))
            .Message.ShouldContain("choose 1 to 3");
    }

    [Fact]
    public void Removing_a_thing_closes_the_gap()
    {
        var course = CourseWith("Bloggar", "RSS", "Flickr");

        course.RemoveThing(course.Things[0].Id, Now);

        course.Things.Select(t => t.Title).ShouldBe(["RSS", "Flickr"]);
        course.PositionOf(course.Things[1].Id).ShouldBe(2);
    }

    [Fact]
    public void Changing_or_removing_a_thing_the_course_does_not_have_throws_not_found_and_starts_no_version()
    {
        var course = PublishedCourseWith("Bloggar");

        Should.Throw<ThingNotFoundException>(() => course.ChangeThing(Guid.NewGuid(), Content("Okänd"), null, Now));
        Should.Throw<ThingNotFoundException>(() => course.RemoveThing(Guid.NewGuid(), Now));
        course.Status.ShouldBe(CourseStatus.Published);
        course.Version.ShouldBe(1);
    }

    [Fact]
    public void Publishing_freezes_the_content_as_version_1()
    {
        var course = CourseWith("Bloggar", "RSS");
        var later = Now.AddDays(1);

        var version = course.Publish(later);

        course.Status.ShouldBe(CourseStatus.Published);
        course.PublishedVersion.ShouldBe(1);
        course.UpdatedAt.ShouldBe(later);
        version.CourseId.ShouldBe(course.Id);
        version.CountyId.ShouldBe(CountyId);
        version.Version.ShouldBe(1);
        (version.Title, version.Language, version.PublishedAt).ShouldBe(("23 saker", "sv", later));
        version.Things.Select(t => (t.Id, t.Title)).ShouldBe(course.Things.Select(t => (t.Id, t.Title)));
    }

    [Fact]
    public void Publishing_a_published_version_again_is_refused()
    {
        var course = PublishedCourseWith("Bloggar");

        Should.Throw<CourseRuleException>(() => course.Publish(Now)).Message.ShouldContain("already published");
    }

    [Fact]
    public void A_course_without_things_is_not_published()
    {
        var course = CourseWith();

        Should.Throw<CourseRuleException>(() => course.Publish(Now));
        course.Status.ShouldBe(CourseStatus.Draft);
        course.PublishedVersion.ShouldBeNull();
    }

    [Theory]
    [InlineData("describe")]
    [InlineData("add")]
    [InlineData("change")]
    [InlineData("remove")]
    public void Any_edit_of_a_published_course_starts_the_next_version_as_a_draft(string edit)
    {
        var course = PublishedCourseWith("Bloggar", "RSS");
        var later = Now.AddDays(7);

        Edit(course, edit, later);

        course.Version.ShouldBe(2);
        course.Status.ShouldBe(CourseStatus.Draft);
        course.PublishedVersion.ShouldBe(1);
        course.UpdatedAt.ShouldBe(later);
    }

    [Fact]
    public void Edits_of_a_draft_stay_in_its_version()
    {
        var course = PublishedCourseWith("Bloggar");
        course.AddThing(Content("RSS"), null, Now);

        course.AddThing(Content("Flickr"), null, Now);
        course.Describe("23 saker, andra upplagan", string.Empty, "sv", Now);

        course.Version.ShouldBe(2);
        course.Publish(Now).Version.ShouldBe(2);
        course.PublishedVersion.ShouldBe(2);
    }

    [Fact]
    public void A_published_version_keeps_its_things_when_the_course_changes()
    {
        var course = CourseWith("Bloggar", "RSS");
        var version1 = course.Publish(Now);

        course.ChangeThing(course.Things[0].Id, Content("Bloggar och poddar"), 2, Now);
        course.RemoveThing(course.Things[0].Id, Now);
        course.AddThing(Content("Wikipedia"), 1, Now);

        version1.Things.Select(t => t.Title).ShouldBe(["Bloggar", "RSS"]);
        version1.Things[0].Links.ShouldBe(["https://example.org/"]);
        course.Things.Select(t => t.Title).ShouldBe(["Wikipedia", "Bloggar och poddar"]);
    }

    private static void Edit(Course course, string edit, DateTimeOffset now)
    {
        switch (edit)
        {
            case "describe":
                course.Describe("23 saker, andra upplagan", "Ny text", "sv", now);
                break;
            case "add":
                course.AddThing(Content("Wikipedia"), null, now);
                break;
            case "change":
                course.ChangeThing(course.Things[0].Id, Content("Bloggar och poddar"), null, now);
                break;
            default:
                course.RemoveThing(course.Things[0].Id, now);
                break;
        }
    }
}
