namespace EnSakITaget.Application.Common.Exceptions;

/// <summary>The addressed resource does not exist (or is not the caller's to see); the API answers 404.</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException(string resource, object id)
        : base($"{resource} {id} was not found.")
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }
}
