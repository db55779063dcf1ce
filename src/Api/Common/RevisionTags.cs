using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Primitives;

namespace EnSakITaget.Api.Common;

/// <summary>
/// No lost updates, at one edge, for the endpoints of a single resource that opt in with
/// <see cref="RevisionTagEndpoints.TaggedByRevision{TResource}"/>: every answer that shows or
/// changes the resource carries a strong <c>ETag</c>, its revision (the aggregate's concurrency
/// token, which every change moves on); a <c>PUT</c> or <c>DELETE</c> whose <c>If-Match</c> names
/// another revision is refused with 412 before anything is saved. Without <c>If-Match</c> a change
/// is applied as before (a client that does not know the revision is not locked out).
/// </summary>
/// <remarks>
/// The revision compared is the one the handler loaded, checked as its save begins, inside the
/// command's transaction; the save's own concurrency token then refuses a change that raced it
/// between that read and the save, so two writers that both read revision 4 cannot both succeed.
/// </remarks>
internal sealed class RevisionTags(Type resource, string routeKey, string keyProperty, Func<AppDbContext, Guid, CancellationToken, Task<int?>>? readRevision = null)
{
    private const string RevisionProperty = "Revision";

    public async ValueTask<object?> AnswerAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (!Guid.TryParse(context.Request.RouteValues[routeKey]?.ToString(), out var id))
        {
            return await next(invocation);
        }

        var db = context.RequestServices.GetRequiredService<AppDbContext>();
        var ifMatch = context.Request.Headers.IfMatch;
        var isChange = HttpMethods.IsPut(context.Request.Method) || HttpMethods.IsDelete(context.Request.Method) || HttpMethods.IsPatch(context.Request.Method);
        var precondition = isChange && ifMatch.Count > 0 ? new Precondition(this, db, id, ifMatch) : null;
        if (precondition is not null)
        {
            db.SavingChanges += precondition.CheckOnFirstSave;
        }

        // A read that projects tracks no entity: its revision is read first, so the tag is never newer than the answer.
        var revisionBefore = readRevision is not null && HttpMethods.IsGet(context.Request.Method)
            ? await readRevision(db, id, context.RequestAborted)
            : null;

        object? result;
        try
        {
            result = await next(invocation);
        }
        catch (ConcurrentChangeException raced) when (precondition is not null)
        {
            // Someone saved between the handler's read and its save: the revision asked for is gone.
            throw new PreconditionFailedException(currentTag: null, raced);
        }
        finally
        {
            if (precondition is not null)
            {
                db.SavingChanges -= precondition.CheckOnFirstSave;
            }
        }

        // A change that saved nothing (the same values again) was never checked by a save.
        precondition?.CheckUnlessChecked();
        if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } && Tag(CurrentRevision(db, id) ?? revisionBefore) is { } etag)
        {
            context.Response.Headers.ETag = etag;
        }

        return result;
    }

    private static string? Tag(int? revision) => revision is { } value ? $"\"{value}\"" : null;

    private EntityEntry? Entry(AppDbContext db, Guid id)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Metadata.ClrType == resource && entry.State != EntityState.Detached && entry.Property(keyProperty).CurrentValue is Guid key && key == id)
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The revision as the handler read it from the database.</summary>
    private int? Revision(AppDbContext db, Guid id) => Entry(db, id)?.Property(RevisionProperty).OriginalValue as int?;

    private int? CurrentRevision(AppDbContext db, Guid id) => Entry(db, id)?.Property(RevisionProperty).CurrentValue as int?;

    /// <summary>RFC 9110's strong comparison: <c>*</c> matches any revision, a weak tag never matches.</summary>
    private static bool Matches(StringValues ifMatch, string etag)
    {
        foreach (var value in ifMatch)
        {
            foreach (var range in value.AsSpan().Split(','))
            {
                var tag = value.AsSpan()[range].Trim();
                if (tag is "*" || tag.SequenceEqual(etag))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private sealed class Precondition(RevisionTags tags, AppDbContext db, Guid id, StringValues ifMatch)
    {
        private bool isChecked;

        public void CheckOnFirstSave(object? sender, SavingChangesEventArgs e) => CheckUnlessChecked();

        public void CheckUnlessChecked()
        {
            if (isChecked)
            {
                return;
            }

            // Not loaded: the handler answered before touching the resource (404, 400), so there is nothing to compare.
            if (Tag(tags.Revision(db, id)) is not { } loaded)
            {
                return;
            }

            isChecked = true;
            if (!Matches(ifMatch, loaded))
            {
                throw new PreconditionFailedException(loaded);
            }
        }
    }
}

internal static class RevisionTagEndpoints
{
    /// <summary>
    /// The endpoint shows or changes one <typeparamref name="TResource"/> (named by the route value
    /// <paramref name="routeKey"/>): its answers carry the resource's revision as a strong
    /// <c>ETag</c>, and a change with an <c>If-Match</c> that no longer holds answers 412 (<see cref="RevisionTags"/>).
    /// The resource is found by its <paramref name="keyProperty"/> (its id, or the id of what it belongs to).
    /// </summary>
    /// <remarks>
    /// With <paramref name="projectedRead"/>, the endpoint's reads project without loading the
    /// resource, so its revision is read on its own before the answer is made.
    /// </remarks>
    public static RouteHandlerBuilder TaggedByRevision<TResource>(this RouteHandlerBuilder endpoint, string routeKey = "id", string keyProperty = "Id", bool projectedRead = false)
        where TResource : class
    {
        var tags = new RevisionTags(typeof(TResource), routeKey, keyProperty, projectedRead ? ReadRevision : null);
        return endpoint
            .WithMetadata(new TaggedByRevisionMetadata())
            .AddEndpointFilter((invocation, next) => tags.AnswerAsync(invocation, next));

        // Past the scope filter: a participant reaches a round's post through the round, not her own library.
        // The number is sent only with an answer the handler authorised (a 2xx); otherwise it is dropped.
        Task<int?> ReadRevision(AppDbContext db, Guid id, CancellationToken cancellationToken) =>
            db.Set<TResource>().IgnoreQueryFilters().AsNoTracking()
                .Where(resource => EF.Property<Guid>(resource, keyProperty) == id)
                .Select(resource => (int?)EF.Property<int>(resource, "Revision"))
                .FirstOrDefaultAsync(cancellationToken);
    }
}

/// <summary>Marks an endpoint opted in with <see cref="RevisionTagEndpoints.TaggedByRevision{TResource}"/>, for the OpenAPI document.</summary>
internal sealed class TaggedByRevisionMetadata;
