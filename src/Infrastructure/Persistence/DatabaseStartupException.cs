namespace EnSakITaget.Infrastructure.Persistence;

/// <summary>The service cannot start on its database; the message says what to change, and is the one line logged.</summary>
public sealed class DatabaseStartupException(string message, Exception? innerException = null) : Exception(message, innerException);
