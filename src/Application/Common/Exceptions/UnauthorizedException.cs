namespace EnSakITaget.Application.Common.Exceptions;

/// <summary>The credentials were not accepted; the API answers 401.</summary>
public sealed class UnauthorizedException(string message) : Exception(message);
