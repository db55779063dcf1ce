using System.Collections.Concurrent;
using System.Text.Json;
using EnSakITaget.Application.Common.Spreadsheets;
using EnSakITaget.Application.Common.Versioning;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace EnSakITaget.Api.Common;

/// <summary>
/// Answers that are costly to compute and read often (statistics, the progress matrix): each gets
/// an <c>ETag</c> worked out before anything is computed, <c>If-None-Match</c> answers 304, and a
/// computed answer is kept by its tag. The tag changes with every change to the data, the day,
/// the caller and the query, so an answer found under it is the answer that would be computed
/// now. Kept answers go when memory is short or after an hour.
/// </summary>
internal sealed class VersionedAnswers(IOptions<JsonOptions> json)
{
    private const long MaxBytes = 64 * 1024 * 1024;

    private readonly MemoryCache answers = new(new MemoryCacheOptions { SizeLimit = MaxBytes });
    private readonly ConcurrentDictionary<string, Lazy<Task<Answer>>> computing = new();

    /// <param name="key">What is asked: the tag differs for every different question.</param>
    /// <param name="computeSpreadsheet">Null where there is no spreadsheet: the answer is JSON whatever is accepted.</param>
    /// <param name="fileName">The spreadsheet's file name, without its extension.</param>
    public async Task<IResult> AnswerAsync(
        HttpContext context, string key, Func<Task<object>> computeJson, Func<Task<Spreadsheet>>? computeSpreadsheet, string? fileName,
        CancellationToken cancellationToken)
    {
        var format = computeSpreadsheet is null ? null : SpreadsheetFormat.Preferred(context.Request);
        var etag = await context.RequestServices.GetRequiredService<AnswerVersion>().ETagAsync($"{key}|{format?.Extension ?? "json"}", cancellationToken);
        var ifNoneMatch = context.Request.Headers.IfNoneMatch;
        if (Matches(ifNoneMatch, etag))
        {
            Tag(context, etag);
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        if (!answers.TryGetValue(etag, out Answer? answer) || answer is null)
        {
            async Task<Answer> ComputeAsync() => format is not null
                ? new Answer(format.Write(await computeSpreadsheet!()), format.ContentType)
                : new Answer(JsonSerializer.SerializeToUtf8Bytes(await computeJson(), json.Value.SerializerOptions), "application/json; charset=utf-8");
            answer = await ComputeOnceAsync(etag, ComputeAsync, cancellationToken);
        }

        // Only an answer the caller was given carries the tag: a refusal (404) does not.
        Tag(context, etag);

        // "*" holds when there is an answer at all, which is known only now: for an object outside
        // the caller's scope the computation has answered 404 instead.
        return IsWildcard(ifNoneMatch)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : new KeptAnswerResult(answer, format is null ? null : $"{fileName}.{format.Extension}");
    }

    /// <summary>
    /// Many callers asking the same new question at once (a dashboard's refresh after a change)
    /// (the same caller, as the tag says) wait for one computation instead of each making its own:
    /// one answer in memory, not many.
    /// </summary>
    private async Task<Answer> ComputeOnceAsync(string etag, Func<Task<Answer>> compute, CancellationToken cancellationToken)
    {
        while (true)
        {
            var mine = new Lazy<Task<Answer>>(compute);
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
                answers.Set(etag, answer, new MemoryCacheEntryOptions { Size = answer.Body.Length, AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) });
                return answer;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The request that was computing it went away; this one has not, so one of those
                // still waiting computes it again.
            }
            finally
            {
                computing.TryRemove(new KeyValuePair<string, Lazy<Task<Answer>>>(etag, underway));
            }
        }
    }

    private static void Tag(HttpContext context, string etag)
    {
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = "private, no-cache";
        context.Response.Headers.Vary = "Accept, Authorization, X-Api-Key";
    }

    private static bool Matches(StringValues ifNoneMatch, string etag) =>
        ifNoneMatch.Count > 0 && Tags(ifNoneMatch).Any(v => v == etag || v == $"W/{etag}");

    private static bool IsWildcard(StringValues ifNoneMatch) => ifNoneMatch.Count > 0 && Tags(ifNoneMatch).Any(v => v == "*");

    private static IEnumerable<string> Tags(StringValues ifNoneMatch) =>
        ifNoneMatch.SelectMany(v => (v ?? string.Empty).Split(',')).Select(v => v.Trim());

    private sealed record Answer(byte[] Body, string ContentType);

    /// <summary>
    /// Writes a kept answer a slice at a time, each sent before the next is copied: the server
    /// then buffers a slice per response, not the whole answer (a country's matrix is megabytes,
    /// and many may be on their way at once).
    /// </summary>
    private sealed class KeptAnswerResult(Answer answer, string? attachmentName) : IResult
    {
        private const int SliceBytes = 64 * 1024;

        public async Task ExecuteAsync(HttpContext context)
        {
            var response = context.Response;
            response.ContentType = answer.ContentType;
            response.ContentLength = answer.Body.Length;
            if (attachmentName is not null)
            {
                var disposition = new ContentDispositionHeaderValue("attachment");
                disposition.SetHttpFileName(attachmentName);
                response.Headers.ContentDisposition = disposition.ToString();
            }

            for (var offset = 0; offset < answer.Body.Length; offset += SliceBytes)
            {
                await response.Body.WriteAsync(answer.Body.AsMemory(offset, Math.Min(SliceBytes, answer.Body.Length - offset)), context.RequestAborted);
            }
        }
    }
}
