namespace EnSakITaget.Api.Common;

/// <summary>
/// Right after the caller's scope is fixed and the request's text is checked: a request to an
/// endpoint opted in with <see cref="VersionedAnswersEndpoints.CachedByDataVersion"/> whose
/// <c>If-None-Match</c> still holds is answered 304 here, without binding the endpoint's
/// parameters, running its filters or entering Application (<see cref="VersionedAnswers.AnswerNotModifiedAsync"/>).
/// </summary>
internal sealed class NotModifiedMiddleware(RequestDelegate next, VersionedAnswers answers)
{
    public Task InvokeAsync(HttpContext context) => answers.AnswerNotModifiedAsync(context, next);
}
