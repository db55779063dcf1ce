using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Infrastructure.Persistence.Changes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace EnSakITaget.Api.Common;

/// <summary>
/// Answers that are costly to compute and read often (statistics, the progress matrix), for the
/// endpoints that opt in with <see cref="VersionedAnswersEndpoints.CachedByDataVersion"/>: each
/// gets an <c>ETag</c> worked out before the handler runs, from the data's version
/// (<see cref="DataVersion"/>), the day, the caller's scope, the request and the representation
/// <c>Accept</c> asks for; <c>If-None-Match</c> answers 304, and an answer computed once is kept
/// by its tag, so an answer found under it is the answer that would be computed now. Kept
/// answers go when their 64 MB are full or after an hour.
/// </summary>
/// <remarks>
/// Not ASP.NET Core's output caching: it answers 304 only from an entry it holds (a second
/// instance would compute the answer to say "not modified"), reads its stored entry on every hit,
/// and would need the caller's scope worked into a key string per request. The tag here is known
/// from memory with one allocation, the tag itself.
/// </remarks>
internal sealed class VersionedAnswers(DataVersion version, CourseCalendar calendar, IOptions<JsonOptions> json, ExpensiveAnswerLimits limits)
{
    private const long MaxBytes = 64 * 1024 * 1024;
    private const int TagHexLength = 32;
    private static readonly IResult NotModified = TypedResults.StatusCode(StatusCodes.Status304NotModified);

    private readonly MemoryCache answers = new(new MemoryCacheOptions { SizeLimit = MaxBytes });
    private readonly ConcurrentDictionary<string, Lazy<Task<Answer?>>> computing = new();

    /// <summary>
    /// The 304 for an <c>If-None-Match</c> that still holds, as early as the caller's scope is known
    /// (<see cref="NotModifiedMiddleware"/>): before the endpoint's parameters are bound, its filters
    /// run or anything enters Application. Anything else goes on to the endpoint, whose filter
    /// (<see cref="AnswerAsync"/>) answers from what is kept or computes.
    /// </summary>
    public Task AnswerNotModifiedAsync(HttpContext context, RequestDelegate next)
    {
        var ifNoneMatch = context.Request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count == 0 || context.GetEndpoint()?.Metadata.GetMetadata<CachedByDataVersionMetadata>() is null)
        {
            return next(context);
        }

        // Known from memory (no allocation) unless the data moved on or the notifications are not heard.
        var current = version.CurrentAsync(context.RequestAborted);
        return current.IsCompletedSuccessfully
            ? NotModifiedOrNext(context, next, current.Result, ifNoneMatch)
            : AwaitVersionAsync(context, next, current, ifNoneMatch);
    }

    private async Task AwaitVersionAsync(HttpContext context, RequestDelegate next, ValueTask<long> current, StringValues ifNoneMatch) =>
        await NotModifiedOrNext(context, next, await current, ifNoneMatch);

    private Task NotModifiedOrNext(HttpContext context, RequestDelegate next, long revision, StringValues ifNoneMatch)
    {
        var etag = ETagOf(context, revision);
        if (!Matches(ifNoneMatch, etag))
        {
            return next(context);
        }

        Tag(context, etag);
        context.Response.StatusCode = StatusCodes.Status304NotModified;
        return Task.CompletedTask;
    }

    public async ValueTask<object?> AnswerAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var cancellationToken = context.RequestAborted;
        var etag = ETagOf(context, await version.CurrentAsync(cancellationToken));
        var ifNoneMatch = context.Request.Headers.IfNoneMatch;
        if (Matches(ifNoneMatch, etag))
        {
            Tag(context, etag);
            return NotModified;
        }

        if (answers.TryGetValue(etag, out Answer? answer) && answer is not null)
        {
            return Answered(context, etag, ifNoneMatch, answer);
        }

        return await ComputeAsync(invocation, next, etag, ifNoneMatch);
    }

    /// <summary>Apart from <see cref="AnswerAsync"/>, so that what it captures is allocated only when there is something to compute.</summary>
    private async Task<object?> ComputeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next, string etag, StringValues ifNoneMatch)
    {
        object? handled = null;
        var ranHere = false;
        var answer = await ComputeOnceAsync(
            etag,
            async () =>
            {
                // Only a computation takes a turn: a 304, a kept answer and a wait for the same answer do not.
                using var turn = await limits.TurnAsync(invocation.HttpContext);
                (handled, ranHere) = (await next(invocation), true);
                return Keepable(handled);
            },
            invocation.HttpContext.RequestAborted);

        // Not an answer to keep (no 200 with a body): each request gets its own handler's, untagged.
        return answer is null
            ? ranHere ? handled : await next(invocation)
            : Answered(invocation.HttpContext, etag, ifNoneMatch, answer);
    }

    private static IResult Answered(HttpContext context, string etag, StringValues ifNoneMatch, Answer answer)
    {
        // Only an answer the caller was given carries the tag: a refusal (404) does not.
        Tag(context, etag);

        // "*" holds when there is an answer at all, which is known only now: for an object outside
        // the caller's scope the handler has answered 404 instead.
        return IsWildcard(ifNoneMatch) ? NotModified : new KeptAnswerResult(answer);
    }

    /// <summary>
    /// The tag of what is asked now, built without allocating anything but itself: the version,
    /// the day, who asks and with which scope, the path and query, and the representation.
    /// </summary>
    private string ETagOf(HttpContext context, long revision)
    {
        var services = context.RequestServices;
        var caller = services.GetRequiredService<ICurrentUser>();
        var scope = services.GetRequiredService<ILibraryScope>();
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        var query = request.QueryString.Value ?? string.Empty;
        var format = SpreadsheetFormat.Preferred(request)?.Extension ?? "json";
        var libraries = caller.ApiKeyId is null ? scope.LibraryIds : [];

        var length = 8 + 4 + 1 + 16 + 1 + 4 + (16 * libraries.Count) + 4
            + Encoding.UTF8.GetMaxByteCount(path.Length) + 4 + Encoding.UTF8.GetMaxByteCount(query.Length) + format.Length;
        byte[]? rented = null;
        Span<byte> buffer = length <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var at = 0;
            BinaryPrimitives.WriteInt64LittleEndian(buffer[at..], revision);
            at += 8;
            BinaryPrimitives.WriteInt32LittleEndian(buffer[at..], calendar.Today.DayNumber);
            at += 4;
            buffer[at++] = caller.ApiKeyId is null ? (byte)'u' : (byte)'k';
            (caller.ApiKeyId ?? caller.UserId ?? Guid.Empty).TryWriteBytes(buffer.Slice(at, 16));
            at += 16;
            buffer[at++] = caller.ApiKeyId is null && scope.IsUnrestricted ? (byte)1 : (byte)0;
            BinaryPrimitives.WriteInt32LittleEndian(buffer[at..], libraries.Count);
            at += 4;
            var ids = MemoryMarshal.Cast<byte, Guid>(buffer.Slice(at, 16 * libraries.Count));
            for (var i = 0; i < libraries.Count; i++)
            {
                ids[i] = libraries[i];
            }

            ids.Sort();
            at += 16 * libraries.Count;
            at += WriteText(buffer[at..], path);
            at += WriteText(buffer[at..], query);
            at += Encoding.ASCII.GetBytes(format, buffer[at..]);

            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..at], hash);
            Span<char> tag = stackalloc char[TagHexLength + 2];
            tag[0] = '"';
            Convert.TryToHexStringLower(hash[..(TagHexLength / 2)], tag[1..^1], out _);
            tag[^1] = '"';
            return new string(tag);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Length first, so that where one text ends and the next begins is never in doubt.</summary>
    private static int WriteText(Span<byte> buffer, string text)
    {
        var written = Encoding.UTF8.GetBytes(text, buffer[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(buffer, written);
        return 4 + written;
    }

    /// <summary>What the handler answered, as bytes to keep: a 200 with a value (as JSON) or a file; anything else is not kept.</summary>
    private Answer? Keepable(object? result) =>
        result switch
        {
            FileContentHttpResult file => new Answer(
                MemoryMarshal.TryGetArray(file.FileContents, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
                    ? segment.Array
                    : file.FileContents.ToArray(),
                file.ContentType,
                file.FileDownloadName),
            IValueHttpResult { Value: { } value } and IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } => new Answer(
                JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json.Value.SerializerOptions), "application/json; charset=utf-8", null),
            _ => null,
        };

    /// <summary>
    /// Many callers asking the same new question at once (a dashboard's refresh after a change)
    /// (the same caller, as the tag says) wait for one computation instead of each making its own:
    /// one answer in memory, not many.
    /// </summary>
    private async Task<Answer?> ComputeOnceAsync(string etag, Func<Task<Answer?>> compute, CancellationToken cancellationToken)
    {
        while (true)
        {
            var mine = new Lazy<Task<Answer?>>(compute);
            var underway = computing.GetOrAdd(etag, mine);
            try
            {
                // The request computing it waits to the end, whatever happens to it, so that its
                // services outlive the computation, and keeps the answer; the others may leave
                // when they are cancelled.
                if (underway != mine)
                {
                    return await underway.Value.WaitAsync(cancellationToken);
                }

                var answer = await underway.Value;
                if (answer is not null)
                {
                    answers.Set(etag, answer, new MemoryCacheEntryOptions { Size = answer.Body.Length, AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) });
                }

                return answer;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The request that was computing it went away; this one has not, so one of those
                // still waiting computes it again.
            }
            finally
            {
                computing.TryRemove(new KeyValuePair<string, Lazy<Task<Answer?>>>(etag, underway));
            }
        }
    }

    private static void Tag(HttpContext context, string etag)
    {
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = "private, no-cache";
        headers.Vary = "Accept, Authorization, X-Api-Key";
    }

    private static bool Matches(StringValues ifNoneMatch, string etag)
    {
        foreach (var value in ifNoneMatch)
        {
            foreach (var range in value.AsSpan().Split(','))
            {
                var tag = value.AsSpan()[range].Trim();
                if (tag.SequenceEqual(etag) || (tag.StartsWith("W/") && tag[2..].SequenceEqual(etag)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsWildcard(StringValues ifNoneMatch)
    {
        foreach (var value in ifNoneMatch)
        {
            foreach (var range in value.AsSpan().Split(','))
            {
                if (value.AsSpan()[range].Trim() is "*")
                {
                    return true;
                }
            }
        }

        return false;
    }

    private sealed record Answer(byte[] Body, string ContentType, string? AttachmentName);

    /// <summary>
    /// Writes a kept answer a slice at a time, each sent before the next is copied: the server
    /// then buffers a slice per response, not the whole answer (a country's matrix is megabytes,
    /// and many may be on their way at once).
    /// </summary>
    private sealed class KeptAnswerResult(Answer answer) : IResult
    {
        private const int SliceBytes = 64 * 1024;

        public async Task ExecuteAsync(HttpContext context)
        {
            var response = context.Response;
            response.ContentType = answer.ContentType;
            response.ContentLength = answer.Body.Length;
            if (answer.AttachmentName is not null)
            {
                var disposition = new ContentDispositionHeaderValue("attachment");
                disposition.SetHttpFileName(answer.AttachmentName);
                response.Headers.ContentDisposition = disposition.ToString();
            }

            for (var offset = 0; offset < answer.Body.Length; offset += SliceBytes)
            {
                await response.Body.WriteAsync(answer.Body.AsMemory(offset, Math.Min(SliceBytes, answer.Body.Length - offset)), context.RequestAborted);
            }
        }
    }
}

internal static class VersionedAnswersEndpoints
{
    /// <summary>
    /// The endpoint's answers carry an <c>ETag</c> of the data's version, <c>If-None-Match</c> gives
    /// 304 before its handler runs, and an answer once computed is kept (<see cref="VersionedAnswers"/>);
    /// a new answer waits for a turn (<see cref="ExpensiveAnswerLimits"/>), or is 503 when too many are waiting.
    /// </summary>
    public static RouteHandlerBuilder CachedByDataVersion(this RouteHandlerBuilder endpoint) =>
        endpoint
            .WithMetadata(CachedByDataVersionMetadata.Instance)
            .AddEndpointFilterFactory((factory, next) =>
            {
                var answers = factory.ApplicationServices.GetRequiredService<VersionedAnswers>();
                return invocation => answers.AnswerAsync(invocation, next);
            })
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}

/// <summary>Marks an endpoint opted in with <see cref="VersionedAnswersEndpoints.CachedByDataVersion"/>, for <see cref="NotModifiedMiddleware"/>.</summary>
internal sealed class CachedByDataVersionMetadata
{
    public static readonly CachedByDataVersionMetadata Instance = new();
}
