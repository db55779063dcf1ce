namespace EnSakITaget.Api.Common;

internal static partial class StartupLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Swagger UI: {SwaggerUrls}")]
    public static partial void SwaggerAt(ILogger logger, string swaggerUrls);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Cannot start: {Reason}")]
    public static partial void CannotStart(ILogger logger, string reason);
}
