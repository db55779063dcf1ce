using System.Text.Json;
using System.Text.RegularExpressions;
using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Domain.Common;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace EnSakITaget.Api.Common;

/// <summary>The one place where exceptions become RFC 9457 problem details.</summary>
internal sealed partial class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetailsService, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException validation => new HttpValidationProblemDetails(validation.Errors.ToDictionary())
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more fields are invalid.",
            },
            FieldRuleException rule => new HttpValidationProblemDetails(rule.Errors.ToDictionary())
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more fields are invalid.",
            },
            BadHttpRequestException badRequest => FromBadRequest(badRequest),
            UnauthorizedException unauthorized => Problem(StatusCodes.Status401Unauthorized, "Not signed in.", unauthorized.Message),
            ForbiddenAccessException forbidden => Problem(StatusCodes.Status403Forbidden, "Not allowed.", forbidden.Message),
            NotFoundException or PartNotFoundException => Problem(StatusCodes.Status404NotFound, "Not found.", exception.Message),
            StaleExpectationException stale => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [stale.Field] = [stale.Message] })
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The request expects a state that has changed since.",
            },
            PreconditionFailedException stale => Problem(StatusCodes.Status412PreconditionFailed, "The resource has changed since it was read.", stale.Message),
            ConflictException conflict => Problem(StatusCodes.Status409Conflict, "The change conflicts with stored data.", conflict.Message),
            DomainRuleViolationException { Field: { } field } rule => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [rule.Message] })
            {
                Status = StatusCodes.Status409Conflict,
                Title = "A rule refused the change.",
                Detail = rule.Message,
            },
            DomainRuleViolationException rule => Problem(StatusCodes.Status409Conflict, "A rule refused the change.", rule.Message),
            ServerBusyException busy => Problem(StatusCodes.Status503ServiceUnavailable, "The server is busy.", busy.Message),
            _ => null,
        };

        if (exception is ServerBusyException { RetryAfter: var wait })
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (problem is null && DatabaseFailures.Classify(exception) is { } unavailable)
        {
            LogStorageUnavailable(exception, httpContext.Request.Method, httpContext.Request.Path, unavailable.Detail);
            httpContext.Response.Headers.RetryAfter = StorageRetryAfterSeconds;
            problem = Problem(StatusCodes.Status503ServiceUnavailable, unavailable.Title, unavailable.Detail);
        }

        if (problem is null)
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred.", detail: null);
        }

        // In the document, not as an ETag header: the exception handler clears ETag from every answer it writes.
        if (exception is PreconditionFailedException { CurrentTag: { } current })
        {
            problem.Extensions["currentETag"] = current;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetailsService.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>Malformed JSON, unknown fields, wrong types, unbindable query values and a missing body.</summary>
    private static ProblemDetails FromBadRequest(BadHttpRequestException exception)
    {
        if (exception.InnerException is not JsonException json)
        {
            if (UnbindableParameter().Match(exception.Message) is { Success: true } match)
            {
                return Invalid(match.Groups["name"].Value, $"'{match.Groups["value"].Value}' is not a valid value for this field.");
            }

            // The framework's own words ("Implicit body inferred for parameter…") speak of its parameters, not of the request.
            return MissingBody().IsMatch(exception.Message)
                ? Problem(StatusCodes.Status400BadRequest, "The request body is required.", "Send the fields as a JSON object in the body.")
                : Problem(exception.StatusCode, "The request could not be read.", exception.Message);
        }

        var field = json.Path is null or "$" ? null : FieldNames.ToJsonPath(json.Path.TrimStart('$', '.'));
        var isUnknownField = json.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal);
        if (field is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "The request body is not valid JSON.",
                $"The JSON is malformed near line {json.LineNumber + 1}, position {json.BytePositionInLine + 1}.");
        }

        return json switch
        {
            UnstorableTextException => Invalid(field, json.Message),
            NullItemException nullItem => Invalid($"{field}[{nullItem.Index}]", json.Message),
            _ when isUnknownField => Invalid(field, "This field is not known."),
            _ => Invalid(field, "The value has the wrong type or format for this field."),
        };
    }

    private static HttpValidationProblemDetails Invalid(string field, string error) =>
        new(new Dictionary<string, string[]> { [field] = [error] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
        };

    [GeneratedRegex("""^Failed to bind parameter "\S+ (?<name>\w+)" from "(?<value>.*)"\.$""")]
    private static partial Regex UnbindableParameter();

    /// <summary>No body, or the JSON <c>null</c>, where the endpoint reads one.</summary>
    [GeneratedRegex("""^(Implicit body inferred for parameter "\w+" but no body was provided|Required parameter "\S+ \w+" was not provided from body)""")]
    private static partial Regex MissingBody();

    private static ProblemDetails Problem(int status, string title, string? detail) =>
        new() { Status = status, Title = title, Detail = detail };

    /// <summary>Long enough for a restart or a failover; a full or read-only disk needs an operator, and clients keep asking at this pace.</summary>
    private const string StorageRetryAfterSeconds = "5";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable for {Method} {Path}: {Reason}")]
    private partial void LogStorageUnavailable(Exception exception, string method, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
