namespace EnSakITaget.Application.Common.Exceptions;

/// <summary>The change clashes with stored data (a duplicate, a dependant); the API answers 409.</summary>
public class ConflictException(string message, Exception? innerException = null)
    : Exception(message, innerException);

/// <summary>Someone else changed the same thing between our read and our write; reading it again and retrying is safe.</summary>
public sealed class ConcurrentChangeException(Exception innerException)
    : ConflictException("Someone else changed this at the same moment; read it again and retry.", innerException);
