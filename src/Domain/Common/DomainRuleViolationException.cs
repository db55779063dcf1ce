namespace EnSakITaget.Domain.Common;

/// <summary>A business rule of an aggregate refused the change; the API answers 409.</summary>
public class DomainRuleViolationException(string message) : Exception(message);
