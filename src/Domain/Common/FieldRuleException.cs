namespace EnSakITaget.Domain.Common;

/// <summary>
/// A rule of an aggregate refused the value of one or more fields of the request; the API
/// answers 400 naming each field, as it does for a validator, so that a rule kept in the domain
/// needs no second copy in a validator and no handler translates it.
/// </summary>
/// <param name="errors">The messages by field, in the request's JSON path (<c>answers[0].rating</c>).</param>
public class FieldRuleException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public FieldRuleException(string field, string message)
        : this(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
