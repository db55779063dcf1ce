using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;

namespace EnSakITaget.Api.IntegrationTests.Service;

/// <summary>A query value the endpoint cannot read is a field error naming the parameter, never a 500.</summary>
public sealed class QueryStringTests(ApiFactory factory) : ApiTest(factory)
{
    [Theory]
    [InlineData("/api/v1/participants?page=99999999999", "page")]
    [InlineData("/api/v1/participants?pageSize=-2147483649", "pageSize")]
    [InlineData("/api/v1/participants?page=2147483647&pageSize=200", "page")]
    [InlineData("/api/v1/participants?unitId=inte-ett-id", "unitId")]
    [InlineData("/api/v1/statistics/libraries?from=2010-02-30", "from")]
    [InlineData("/api/v1/statistics/libraries?to=99999-01-01", "to")]
    [InlineData("/api/v1/libraries?type=Slott", "type")]
    [InlineData("/api/v1/participants?includeLeft=kanske", "includeLeft")]
    public async Task A_query_value_that_cannot_be_read_answers_400_naming_the_parameter(string url, string field)
    {
        var response = await Client.GetAsync(url);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
    }
}
