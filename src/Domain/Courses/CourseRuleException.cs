using EnSakITaget.Domain.Common;

namespace EnSakITaget.Domain.Courses;

public sealed class CourseRuleException(string message, string? field = null) : DomainRuleViolationException(message, field);
