using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Validation;
using EnSakITaget.Application.Identity.Contracts;
using FluentValidation;

namespace EnSakITaget.Application.Courses;

public record RoundInput
{
    /// <summary>Left out on create: the course's title.</summary>
    public string? Title { get; init; }

    /// <summary>Coordinators of the home organisation who run the round.</summary>
    public IReadOnlyList<Guid>? CoordinatorIds { get; init; }

    public DateOnly? KickOff { get; init; }
    public DateOnly? Deadline { get; init; }

    /// <summary>Whether participants may start things before they are released.</summary>
    public bool? WorkAheadAllowed { get; init; }
}

internal abstract class RoundInputValidator<T> : AbstractValidator<T>
    where T : RoundInput
{
    protected RoundInputValidator()
    {
        RuleFor(r => r.Title).MaximumLength(Limits.Title);
        RuleFor(r => r.CoordinatorIds).MaxItems(CourseLimits.MaxCoordinators).WithMessage($"At most {CourseLimits.MaxCoordinators} coordinators.");
        RuleForEach(r => r.CoordinatorIds).NotEmpty().When(r => r.CoordinatorIds.IsWithin(CourseLimits.MaxCoordinators));
        RuleFor(r => r.KickOff).NotNull();
        RuleFor(r => r.Deadline).NotNull();
    }
}

internal static class RoundCoordinators
{
    /// <summary>A round is run by coordinators of its own organisation, and nobody else.</summary>
    public static async Task EnsureCoordinateAsync(
        this ICoordinatorDirectory directory, IReadOnlyList<Guid>? coordinatorIds, Guid homeLibraryId, CancellationToken cancellationToken)
    {
        if (coordinatorIds is null or { Count: 0 })
        {
            return;
        }

        var coordinators = await directory.CoordinatorsOfAsync(homeLibraryId, cancellationToken);
        var strangers = coordinatorIds.Where(id => !coordinators.Contains(id)).ToList();
        if (strangers.Count > 0)
        {
            throw new ConflictException($"User {strangers[0]} is not a coordinator of the round's library organisation.");
        }
    }
}
