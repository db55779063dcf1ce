using EnSakITaget.Api.Common;
using EnSakITaget.Application.Privacy.ErasePerson;
using EnSakITaget.Application.Privacy.ExportPersonalData;
using EnSakITaget.Application.Privacy.Retention;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Privacy;

/// <summary>A person's right to see and to erase what the system holds about them.</summary>
internal sealed class PrivacyEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var privacy = api.MapGroup("/").WithTags("Privacy");

        privacy.MapGet("/participants/{id:guid}/export", ExportPersonalData)
            .RequirePolicy(Policies.Staff)
            .WithSummary("Everything held about a member of staff of my libraries, as one document with a summary in Swedish and English.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        privacy.MapGet("/me/export", ExportMyPersonalData)
            .RequirePolicy(Policies.SignedIn)
            .WithSummary("Everything held about me, as one document with a summary in Swedish and English.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        privacy.MapPost("/participants/{id:guid}/erasure", ErasePerson)
            .RequirePolicy(Policies.Staff)
            .WithSummary("Erase a member of staff of my libraries: the account goes, name, e-mail and reflections are replaced, named answers become anonymous.")
            .WithDescription("The audit trail records that the erasure happened, by whom, when and why, and loses the person's name and e-mail. " +
                "The counts statistics are made of stay, so the county's figures do not change. Cannot be undone.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        privacy.MapGet("/libraries/{id:guid}/retention", GetRetention)
            .RequirePolicy(Policies.Administration)
            .WithSummary("How many months after a round closes a county keeps reflections and named survey answers (24 unless it chose).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        privacy.MapPut("/libraries/{id:guid}/retention", SetRetention)
            .RequirePolicy(Policies.Administration)
            .WithSummary("Set how many months after a round closes a county keeps reflections and named survey answers; null returns to the default.")
            .WithDescription("Past it, a background job replaces the reflections with a placeholder and makes the named answers anonymous, and says so in the audit trail.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<RetentionDto>> GetRetention(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetRetentionQuery(id), cancellationToken));

    private static async Task<Ok<RetentionDto>> SetRetention(Guid id, RetentionInput input, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new SetRetentionCommand(id, input), cancellationToken));

    private static async Task<Ok<PersonalDataExport>> ExportPersonalData(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ExportPersonalDataQuery(id), cancellationToken));

    private static async Task<Ok<PersonalDataExport>> ExportMyPersonalData(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ExportMyPersonalDataQuery(), cancellationToken));

    private static async Task<NoContent> ErasePerson(Guid id, ErasureInput input, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new ErasePersonCommand(id, input), cancellationToken);
        return TypedResults.NoContent();
    }
}
