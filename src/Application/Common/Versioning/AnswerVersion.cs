using System.Security.Cryptography;
using System.Text;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Contracts;

namespace EnSakITaget.Application.Common.Versioning;

/// <summary>
/// The entity tag of an answer that depends on much of the data (statistics, the progress
/// matrix), worked out without computing the answer: the data's revision (every audited change
/// and every survey response moves it on), today's date (the last 30 days move with it), who
/// asks and what they ask. It runs for every 304, so it reads no database while nothing has
/// changed and stays out of the use-case pipeline.
/// </summary>
public sealed class AnswerVersion(IChangeClock changes, ICurrentUser caller, ILibraryScope scope, CourseCalendar calendar)
{
    /// <param name="request">What is asked, in which representation.</param>
    public async Task<string> ETagAsync(string request, CancellationToken cancellationToken)
    {
        var latest = await changes.LatestChangeAsync(cancellationToken);
        var who = caller.ApiKeyId is { } key ? $"key:{key}" : $"user:{caller.UserId}:{scope.IsUnrestricted}:{string.Join(',', scope.LibraryIds.Order())}";
        var text = $"{latest}|{calendar.Today:yyyy-MM-dd}|{who}|{request}";
        return $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32]}\"";
    }
}
