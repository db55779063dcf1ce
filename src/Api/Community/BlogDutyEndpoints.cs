using EnSakITaget.Api.Common;
using EnSakITaget.Application.Community;
using EnSakITaget.Application.Community.GetBlogDuty;
using EnSakITaget.Application.Community.GetRoundBlogDuty;
using EnSakITaget.Application.Community.SetBlogDuty;
using EnSakITaget.Application.Community.SwapBlogDuty;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Community;

/// <summary>A library's blog-duty rota: for whoever runs training at the municipal library organisation, and this week's name of it for the round's readers; everyone else gets 404.</summary>
internal sealed class BlogDutyEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var duty = api.MapGroup("/libraries/{id:guid}/blog-duty").WithTags("Community");

        duty.MapGet("/", GetBlogDuty)
            .RequirePolicy(Policies.Staff)
            .WithSummary("The library's blog-duty rota, earliest week first, and who is on duty this week.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        duty.MapPut("/", SetBlogDuty)
            .RequirePolicy(Policies.Staff)
            .WithSummary("Lay the rota out again: the volunteers take turns in order, one week each from the Monday of the start date, pause weeks skipped.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        duty.MapPost("/swaps", SwapBlogDuty)
            .RequirePolicy(Policies.Staff)
            .WithSummary("The people of two weeks of the rota change places.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/rounds/{id:guid}/blog-duty", GetRoundBlogDuty)
            .WithTags("Community")
            .RequirePolicy(Policies.SignedIn)
            .WithSummary("Who writes the blog of the round's library this week, for the round's participants and whoever runs it; everyone else gets 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<BlogDutyDto>> GetBlogDuty(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetBlogDutyQuery(id), cancellationToken));

    private static async Task<Ok<ThisWeeksBlogDutyDto>> GetRoundBlogDuty(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetRoundBlogDutyQuery(id), cancellationToken));

    private static async Task<Ok<BlogDutyDto>> SetBlogDuty(Guid id, BlogDutyInput rota, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new SetBlogDutyCommand(id, rota), cancellationToken));

    private static async Task<Ok<BlogDutyDto>> SwapBlogDuty(Guid id, BlogDutySwapInput swap, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new SwapBlogDutyCommand(id, swap), cancellationToken));
}
