namespace EnSakITaget.Application.Common.Exceptions;

/// <summary>The addressed resource does not exist (or is not the caller's to see); the API answers 404.</summary>
public sealed class NotFoundException(string resource, object id)
    : Exception($"{resource} {id} was not found.");
