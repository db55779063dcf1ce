using EnSakITaget.Domain.Common;

namespace EnSakITaget.Domain.Community;

/// <summary>A rule of the round's blog or the blog-duty rota refused the change; the API answers 409.</summary>
public sealed class CommunityRuleException(string message) : DomainRuleViolationException(message);
