using EnSakITaget.Api.Common;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Courses;
using EnSakITaget.Application.Courses.AddThing;
using EnSakITaget.Application.Courses.CreateCourse;
using EnSakITaget.Application.Courses.GetCourse;
using EnSakITaget.Application.Courses.GetThing;
using EnSakITaget.Application.Courses.ListCourses;
using EnSakITaget.Application.Courses.ListCourseVersions;
using EnSakITaget.Application.Courses.PreviewInstructions;
using EnSakITaget.Application.Courses.PublishCourse;
using EnSakITaget.Application.Courses.RemoveThing;
using EnSakITaget.Application.Courses.UpdateCourse;
using EnSakITaget.Application.Courses.UpdateThing;
using EnSakITaget.Domain.Courses;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Courses;

internal sealed class CoursesEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var courses = api.MapGroup("/courses").WithTags("Courses");

        courses.MapGet("/", ListCourses)
            .RequirePolicy(Policies.Staff)
            .WithSummary("List the course templates of my county, filtered by county and status.")
            .ProducesValidationProblem();

        courses.MapPost("/", CreateCourse)
            .RequirePolicy(Policies.Administration)
            .WithSummary("Create a course template, owned by a county, as a draft.")
            .ProducesValidationProblem();

        courses.MapGet("/{id:guid}", GetCourse)

            .TaggedByRevision<Course>()
            .RequirePolicy(Policies.Staff)
            .WithSummary("Read a course with its things in order.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        courses.MapPut("/{id:guid}", UpdateCourse)

            .TaggedByRevision<Course>()
            .RequirePolicy(Policies.Administration)
            .WithSummary("Change a course's title, description and language; on a published course this starts the next version.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        courses.MapPost("/{id:guid}/things", AddThing)
            .RequirePolicy(Policies.Administration)
            .WithSummary("Add a thing, last or at a position; the answer is the new thing.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        courses.MapGet("/{id:guid}/things/{thingId:guid}", GetThing)

            .TaggedByRevision<Course>()
            .RequirePolicy(Policies.Staff)
            .WithSummary("Read one thing of a course's current content.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        courses.MapPut("/{id:guid}/things/{thingId:guid}", UpdateThing)

            .TaggedByRevision<Course>()
            .RequirePolicy(Policies.Administration)
            .WithSummary("Change a thing, and move it when a position is given.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        courses.MapDelete("/{id:guid}/things/{thingId:guid}", RemoveThing)

            .TaggedByRevision<Course>()
            .RequirePolicy(Policies.Administration)
            .WithSummary("Remove a thing from the course's next version; published versions and rounds keep it.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        courses.MapPost("/{id:guid}/publish", PublishCourse)
            .RequirePolicy(Policies.Administration)
            .WithSummary("Freeze the current content as a published version that rounds can run.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        courses.MapGet("/{id:guid}/versions", ListCourseVersions)
            .RequirePolicy(Policies.Staff)
            .WithSummary("The course's published versions, newest first, with how many rounds run each.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        courses.MapPost("/instructions-preview", PreviewInstructions)
            .RequirePolicy(Policies.Administration)
            .WithSummary("Render a thing's Markdown instructions as participants will see them, as safe HTML; nothing is saved.")
            .ProducesValidationProblem();
    }

    private static async Task<Ok<PagedList<CourseDto>>> ListCourses(
        ISender sender, CancellationToken cancellationToken,
        Guid? countyId = null, CourseStatus? status = null, int page = 1, int pageSize = PagingDefaults.PageSize) =>
        TypedResults.Ok(await sender.Send(new ListCoursesQuery(countyId, status, page, pageSize), cancellationToken));

    private static async Task<Created<CourseDto>> CreateCourse(CreateCourseInput course, ISender sender, CancellationToken cancellationToken)
    {
        var created = await sender.Send(new CreateCourseCommand(course), cancellationToken);
        return TypedResults.Created($"/api/v1/courses/{created.Id}", created);
    }

    private static async Task<Ok<CourseDto>> GetCourse(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetCourseQuery(id), cancellationToken));

    private static async Task<Ok<CourseDto>> UpdateCourse(Guid id, CourseInput course, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new UpdateCourseCommand(id, course), cancellationToken));

    private static async Task<Created<ThingDto>> AddThing(Guid id, ThingInput thing, ISender sender, CancellationToken cancellationToken)
    {
        var added = await sender.Send(new AddThingCommand(id, thing), cancellationToken);
        return TypedResults.Created($"/api/v1/courses/{id}/things/{added.Id}", added);
    }

    private static async Task<Ok<ThingDto>> GetThing(Guid id, Guid thingId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetThingQuery(id, thingId), cancellationToken));

    private static async Task<Ok<CourseDto>> UpdateThing(
        Guid id, Guid thingId, ThingInput thing, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new UpdateThingCommand(id, thingId, thing), cancellationToken));

    private static async Task<NoContent> RemoveThing(Guid id, Guid thingId, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new RemoveThingCommand(id, thingId), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<CourseVersionDto>>> ListCourseVersions(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListCourseVersionsQuery(id), cancellationToken));

    private static async Task<Ok<InstructionsPreviewDto>> PreviewInstructions(InstructionsInput instructions, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new PreviewInstructionsQuery(instructions), cancellationToken));

    private static async Task<Ok<CourseDto>> PublishCourse(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new PublishCourseCommand(id), cancellationToken));
}
