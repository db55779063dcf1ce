using Microsoft.Extensions.Options;

namespace EnSakITaget.Api.Common;

/// <summary>
/// Writes every problem as <c>application/problem+json</c>, whatever the <c>Accept</c> header.
/// The framework's writer refuses when <c>Accept</c> names no JSON (<c>text/csv</c>, <c>text/html</c>),
/// and then an error became a 500 or an empty body. An error answer is the problem document:
/// a client that asked for CSV still has to learn why it gets none.
/// </summary>
internal sealed class JsonProblemDetailsService(IOptions<ProblemDetailsOptions> options) : IProblemDetailsService
{
    public const string ContentType = "application/problem+json";

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        // The framework's own defaults for the status (its type link and title), as its writer gives them.
        _ = TypedResults.Problem(problem);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        await http.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, ContentType, http.RequestAborted);
    }

    public async ValueTask<bool> TryWriteAsync(ProblemDetailsContext context)
    {
        await WriteAsync(context);
        return true;
    }
}
