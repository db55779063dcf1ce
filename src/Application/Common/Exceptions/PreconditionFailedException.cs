namespace EnSakITaget.Application.Common.Exceptions;

/// <summary>
/// The request's <c>If-Match</c> names a revision the resource has moved on from: someone changed
/// it after the caller read it, so the change is refused instead of overwriting theirs (412).
/// </summary>
public sealed class PreconditionFailedException(string? currentTag, Exception? innerException = null) : Exception(
    "The resource has changed since you read it, so nothing was changed; read it again and apply your change to what it is now.", innerException)
{
    /// <summary>The resource's <c>ETag</c> now, when it is known.</summary>
    public string? CurrentTag { get; } = currentTag;
}
