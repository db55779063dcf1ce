using EnSakITaget.Domain.Identity;

namespace EnSakITaget.Application.Identity;

/// <param name="AwaitingActivation">Invited and not yet signed in: the person has still to choose a password through the letter's link.</param>
public sealed record UserDto(
    Guid Id, string Email, string DisplayName, IReadOnlyList<RoleGrantDto> Roles, DateTimeOffset CreatedAt, DateTimeOffset? LockedOutUntil,
    bool AwaitingActivation);

public sealed record RoleGrantDto(Role Role, Guid? LibraryId, string? LibraryName);
