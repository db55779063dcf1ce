namespace EnSakITaget.Domain.Common;

/// <summary>An aggregate has no such part (a course no such thing); the API answers 404.</summary>
public class PartNotFoundException(string message) : Exception(message);
