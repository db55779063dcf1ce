namespace EnSakITaget.Domain.Common;

/// <summary>A business rule of an aggregate refused the change; the API answers 409.</summary>
/// <param name="message">Why.</param>
/// <param name="field">The request's field whose value the rule refused, when one is to blame: the problem details name it.</param>
public class DomainRuleViolationException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
