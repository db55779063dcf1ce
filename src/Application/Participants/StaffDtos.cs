using System.Net.Mail;
using FluentValidation;

namespace EnSakITaget.Application.Participants;

/// <param name="LeftOn">The day the person left the staff; null while they work there.</param>
public sealed record StaffMemberDto(
    Guid Id, string Name, string Email, Guid UnitId, string? Title, bool IsManager, DateOnly? LeftOn, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public record StaffInput
{
    public string? Name { get; init; }
    public string? Email { get; init; }

    /// <summary>The library unit (main library, branch or bookmobile) the person works at.</summary>
    public Guid? UnitId { get; init; }

    public string? Title { get; init; }
    public bool? IsManager { get; init; }
}

public static class StaffRules
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 256;
    public const int MaxTitleLength = 200;

    public static bool IsEmail(string? email) =>
        !string.IsNullOrWhiteSpace(email) && email.Length <= MaxEmailLength
        && MailAddress.TryCreate(email.Trim(), out var address) && address.Address == email.Trim() && address.Host.Contains('.', StringComparison.Ordinal);
}

internal abstract class StaffInputValidator<T> : AbstractValidator<T>
    where T : StaffInput
{
    protected StaffInputValidator()
    {
        RuleFor(s => s.Name).NotEmpty().Must(n => !string.IsNullOrWhiteSpace(n)).MaximumLength(StaffRules.MaxNameLength);
        RuleFor(s => s.Email).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(StaffRules.MaxEmailLength)
            .Must(StaffRules.IsEmail).WithMessage("'Email' is not an e-mail address.");
        RuleFor(s => s.UnitId).NotEmpty();
        RuleFor(s => s.Title).MaximumLength(StaffRules.MaxTitleLength);
    }
}
