using EnSakITaget.Domain.Common;

namespace EnSakITaget.Domain.Identity;

public sealed class AccessRuleException(string message) : DomainRuleViolationException(message);
