using System.Net.Http.Headers;

namespace EnSakITaget.Web.Common.Api;

/// <summary>
/// The CSV and .xlsx answers the API gives for the same routes as JSON: fetched with the
/// session's token (a plain link would carry none) and handed to the browser as a file.
/// </summary>
public partial class ApiClient
{
    public const string Csv = "text/csv";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<byte[]> DownloadAsync(string path, string contentType, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(contentType));
        using var response = await _httpClient.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ApiException("The download was refused.", (int)response.StatusCode, null, new Dictionary<string, IEnumerable<string>>(), null);
        }

        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }
}
