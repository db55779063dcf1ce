using EnSakITaget.Domain.Identity;
using FluentValidation;

namespace EnSakITaget.Application.Identity;

/// <summary>The body of a user create or replace.</summary>
public record UserInput
{
    public string? Email { get; init; }
    public string? DisplayName { get; init; }

    /// <summary>Required on create; on update, a new password or nothing to keep the old one.</summary>
    public string? Password { get; init; }

    public IReadOnlyList<RoleInput>? Roles { get; init; }
}

public sealed record RoleInput
{
    public Role? Role { get; init; }
    public Guid? LibraryId { get; init; }
}

public abstract class UserInputValidator<T> : AbstractValidator<T>
    where T : UserInput
{
    protected UserInputValidator()
    {
        RuleFor(u => u.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(u => u.DisplayName).NotEmpty().MaximumLength(200);
        RuleFor(u => u.Password).MaximumLength(128);
        RuleFor(u => u.Roles).NotNull()
            .Must(roles => roles is null || roles.DistinctBy(r => (r.Role, r.LibraryId)).Count() == roles.Count)
            .WithMessage("A role is listed twice for the same library.");
        RuleForEach(u => u.Roles).ChildRules(role =>
        {
            role.RuleFor(r => r.Role).NotNull().IsInEnum();
            role.RuleFor(r => r.LibraryId).NotEmpty().When(r => r.Role is not null and not Role.Administrator)
                .WithMessage("This role is bound to a library: name it.");
            role.RuleFor(r => r.LibraryId).Null().When(r => r.Role == Role.Administrator)
                .WithMessage("An administrator is not bound to a library.");
        });
    }
}
