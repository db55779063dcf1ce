using EnSakITaget.Domain.Common;

namespace EnSakITaget.Domain.Libraries;

public sealed class LibraryTreeRuleException(string message) : DomainRuleViolationException(message);
