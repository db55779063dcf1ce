using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace EnSakITaget.Api.Statistics;

/// <summary>
/// Answers already computed, by entity tag. The tag changes with every change to what is
/// counted, with the day, the caller and the query, so an answer found here is the answer that
/// would be computed now: the read model's figures, materialised once per version and dropped
/// when memory is short or an hour has passed.
/// </summary>
internal sealed class StatisticsAnswers(IOptions<JsonOptions> json)
{
    private const long MaxBytes = 64 * 1024 * 1024;

    private readonly MemoryCache answers = new(new MemoryCacheOptions { SizeLimit = MaxBytes });

    public async Task<Answer> GetOrComputeAsync(string etag, bool csv, Func<Task<object>> computeJson, Func<Task<byte[]>> computeCsv)
    {
        if (answers.TryGetValue(etag, out Answer? known) && known is not null)
        {
            return known;
        }

        var answer = csv
            ? new Answer(await computeCsv(), $"{Application.Statistics.StatisticsCsv.ContentType}; charset=utf-8")
            : new Answer(JsonSerializer.SerializeToUtf8Bytes(await computeJson(), json.Value.SerializerOptions), "application/json; charset=utf-8");
        answers.Set(etag, answer, new MemoryCacheEntryOptions { Size = answer.Body.Length, AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) });
        return answer;
    }

    public sealed record Answer(byte[] Body, string ContentType);
}
