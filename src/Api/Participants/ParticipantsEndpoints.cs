using EnSakITaget.Api.Common;
using EnSakITaget.Api.Common.OpenApi;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Common.Spreadsheets;
using EnSakITaget.Application.Participants;
using EnSakITaget.Application.Participants.CreateStaffMember;
using EnSakITaget.Application.Participants.DeleteStaffMember;
using EnSakITaget.Application.Participants.GetStaffMember;
using EnSakITaget.Application.Participants.ImportStaff;
using EnSakITaget.Application.Participants.ListStaff;
using EnSakITaget.Application.Participants.RecordLeaving;
using EnSakITaget.Application.Participants.RecordReturn;
using EnSakITaget.Application.Participants.UpdateStaffMember;
using EnSakITaget.Domain.Participants;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnSakITaget.Api.Participants;

internal sealed class ParticipantsEndpoints : IEndpointGroup
{
    /// <summary>A roster of a whole county is a few hundred kilobytes; ten megabytes is far beyond any real one.</summary>
    public const long MaxImportBytes = 10 * 1024 * 1024;

    public void Map(IEndpointRouteBuilder api)
    {
        var staff = api.MapGroup("/participants").WithTags("Participants");

        staff.MapGet("/", ListStaff)
            .RequirePolicy(Policies.Staff)
            .WithSummary("List the staff of my libraries, by name; filter by unit or search by name or e-mail. Those who have left only with includeLeft=true.")
            .ProducesValidationProblem();

        staff.MapPost("/", CreateStaffMember)
            .RequirePolicy(Policies.Staff)
            .WithSummary("Register a member of staff at a library unit.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        staff.MapGet("/{id:guid}", GetStaffMember)
            .TaggedByRevision<StaffMember>()
            .RequirePolicy(Policies.Staff)
            .WithSummary("Read a member of staff.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        staff.MapPut("/{id:guid}", UpdateStaffMember)
            .TaggedByRevision<StaffMember>()
            .RequirePolicy(Policies.Staff)
            .WithSummary("Replace a member of staff's name, e-mail, unit, title and manager flag.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        staff.MapDelete("/{id:guid}", DeleteStaffMember)
            .TaggedByRevision<StaffMember>()
            .RequirePolicy(Policies.Staff)
            .WithSummary("Delete a member of staff who has never been enrolled; one who has is kept for the history: record their leaving instead.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        staff.MapPut("/{id:guid}/leaving", RecordLeaving)
            .TaggedByRevision<StaffMember>()
            .RequirePolicy(Policies.Staff)
            .WithSummary("Record the day a member of staff left: off the roster, and their enrolments not completed end; the history stays.")
            .WithDescription("`leftOn` is today or a day past. Recording it again with another day corrects the day. " +
                "A member of staff who has been enrolled cannot be deleted; this is how they leave.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        staff.MapDelete("/{id:guid}/leaving", RecordReturn)
            .TaggedByRevision<StaffMember>()
            .RequirePolicy(Policies.Staff)
            .WithSummary("A member of staff recorded as having left is on the staff again: back on the roster. Ended enrolments stay ended.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        staff.MapPost("/import", ImportStaff)
            .RequirePolicy(Policies.Staff)
            .WithSummary("Import a roster from CSV or an Excel workbook (Namn;E-post;Enhet;Titel;Chef), upserting by e-mail; rejected rows are listed by line.")
            .WithDescription("Send the file as the body (text/csv, or an .xlsx as application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) " +
                "or as the field `file` of a multipart form. A CSV may be UTF-8 with or without BOM (or Windows-1252), comma or semicolon " +
                "separated; a workbook is read from its first sheet. Empty rows are passed over. `dryRun=true` judges every row and saves nothing.")
            .WithMetadata(new FileUploadMetadata(RosterUpload.FormField, MaxImportBytes, [RosterUpload.CsvMediaTypes[0], XlsxSpreadsheet.MediaType],
                "The roster: a CSV or an Excel workbook (.xlsx), its first row the column names."))
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxImportBytes + (64 * 1024)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<Ok<PagedList<StaffMemberDto>>> ListStaff(
        ISender sender, CancellationToken cancellationToken,
        Guid? unitId = null, string? search = null, int page = 1, int pageSize = PagingDefaults.PageSize, bool includeLeft = false) =>
        TypedResults.Ok(await sender.Send(new ListStaffQuery(unitId, search, page, pageSize, includeLeft), cancellationToken));

    private static async Task<Created<StaffMemberDto>> CreateStaffMember(StaffInput member, ISender sender, CancellationToken cancellationToken)
    {
        var created = await sender.Send(new CreateStaffMemberCommand(member), cancellationToken);
        return TypedResults.Created($"/api/v1/participants/{created.Id}", created);
    }

    private static async Task<Ok<StaffMemberDto>> GetStaffMember(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetStaffMemberQuery(id), cancellationToken));

    private static async Task<Ok<StaffMemberDto>> UpdateStaffMember(Guid id, StaffInput member, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new UpdateStaffMemberCommand(id, member), cancellationToken));

    private static async Task<NoContent> DeleteStaffMember(Guid id, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteStaffMemberCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<StaffMemberDto>> RecordLeaving(Guid id, LeavingInput leaving, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new RecordLeavingCommand(id, leaving), cancellationToken));

    private static async Task<Ok<StaffMemberDto>> RecordReturn(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new RecordReturnCommand(id), cancellationToken));

    private static async Task<Ok<StaffImportReport>> ImportStaff(
        HttpRequest request, ISender sender, CancellationToken cancellationToken, bool dryRun = false)
    {
        var (content, contentType) = await ReadFileAsync(request, cancellationToken);
        var format = RosterUpload.FormatOf(contentType, content);
        return TypedResults.Ok(await sender.Send(new ImportStaffCommand(content, format, dryRun), cancellationToken));
    }

    /// <returns>The file and what the upload called it.</returns>
    private static async Task<(byte[] Content, string? ContentType)> ReadFileAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxImportBytes)
        {
            throw new BadHttpRequestException($"The file is larger than {MaxImportBytes / 1024 / 1024} MB.", StatusCodes.Status413PayloadTooLarge);
        }

        Stream source = request.Body;
        var contentType = request.ContentType;
        if (request.HasFormContentType)
        {
            var form = await ReadFormAsync(request, cancellationToken);
            var file = form.Files.GetFile(RosterUpload.FormField) ?? throw new ValidationException(RosterUpload.FormField, "Send the roster as the form field 'file'.");
            (source, contentType) = (file.OpenReadStream(), file.ContentType);
        }

        RosterUpload.RefuseOtherMediaTypes(contentType);

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxImportBytes)
            {
                throw new BadHttpRequestException($"The file is larger than {MaxImportBytes / 1024 / 1024} MB.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length > 0 ? (buffer.ToArray(), contentType) : throw new ValidationException(RosterUpload.FormField, "The file is empty.");
    }

    /// <summary>A form without its boundary, or cut short, is the client's mistake: a 400, not a 500.</summary>
    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or (IOException and not BadHttpRequestException) && !cancellationToken.IsCancellationRequested)
        {
            throw new BadHttpRequestException($"The multipart form could not be read: {exception.Message}", StatusCodes.Status400BadRequest, exception);
        }
    }
}
