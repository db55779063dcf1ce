namespace EnSakITaget.Application.Common.Exceptions;

/// <summary>The change clashes with stored data (a duplicate, a dependant); the API answers 409.</summary>
public sealed class ConflictException(string message, Exception? innerException = null)
    : Exception(message, innerException);
