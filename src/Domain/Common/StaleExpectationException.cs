namespace EnSakITaget.Domain.Common;

/// <summary>
/// The request said what state it expected (how many things are released, say), and the stored
/// state has moved on since: the API answers 409 naming the field, so the client reads again
/// instead of repeating a change somebody else has already made.
/// </summary>
public sealed class StaleExpectationException(string field, string message) : DomainRuleViolationException(message, field)
{
    public new string Field => base.Field!;
}
