using EnSakITaget.Application.Common;
using EnSakITaget.Application.Common.Validation;
using EnSakITaget.Domain.Identity;
using FluentValidation;

namespace EnSakITaget.Application.Identity;

/// <summary>The body of a user create or replace.</summary>
public record UserInput
{
    public string? Email { get; init; }
    public string? DisplayName { get; init; }

    /// <summary>On create, none to invite the person by e-mail to choose it; on update, a new password or nothing to keep the old one.</summary>
    public string? Password { get; init; }

    public IReadOnlyList<RoleInput>? Roles { get; init; }
}

public sealed record RoleInput
{
    public Role? Role { get; init; }
    public Guid? LibraryId { get; init; }
}

internal abstract class UserInputValidator<T> : AbstractValidator<T>
    where T : UserInput
{
    /// <summary>Far more libraries than one person works for.</summary>
    public const int MaxRoles = 50;

    protected UserInputValidator()
    {
        RuleFor(u => u.Email).NotEmpty().EmailAddress().MaximumLength(Limits.Email);
        RuleFor(u => u.DisplayName).NotEmpty().MaximumLength(Limits.Name);
        RuleFor(u => u.Password).MaximumLength(Limits.Password);
        // Without a role an account can do nothing, on create as on replace (your own account included).
        RuleFor(u => u.Roles).NotEmpty().WithMessage("An account needs at least one role.")
            .MaxItems(MaxRoles).WithMessage($"At most {MaxRoles} roles.");
        RuleFor(u => u.Roles)
            .Must(roles => roles is null || roles.Count > MaxRoles || roles.DistinctBy(r => (r.Role, r.LibraryId)).Count() == roles.Count)
            .WithMessage("A role is listed twice for the same library.");
        RuleForEach(u => u.Roles).SetValidator(new RoleInputValidator()).When(u => u.Roles.IsWithin(MaxRoles));
    }
}

internal sealed class RoleInputValidator : AbstractValidator<RoleInput>
{
    public RoleInputValidator()
    {
        RuleFor(r => r.Role).NotNull().IsInEnum();
        RuleFor(r => r.LibraryId).NotEmpty().When(r => r.Role is not null and not Role.Administrator)
            .WithMessage("This role is bound to a library: name it.");
        RuleFor(r => r.LibraryId).Null().When(r => r.Role == Role.Administrator)
            .WithMessage("An administrator is not bound to a library.");
    }
}
