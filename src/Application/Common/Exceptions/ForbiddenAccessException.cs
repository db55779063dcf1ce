namespace EnSakITaget.Application.Common.Exceptions;

/// <summary>The caller may see the resource but not do this to it; the API answers 403.</summary>
public sealed class ForbiddenAccessException(string message) : Exception(message);
