using EnSakITaget.Domain.Identity;

namespace EnSakITaget.Application.Identity;

public sealed record UserDto(
    Guid Id, string Email, string DisplayName, IReadOnlyList<RoleGrantDto> Roles, DateTimeOffset CreatedAt, DateTimeOffset? LockedOutUntil);

public sealed record RoleGrantDto(Role Role, Guid? LibraryId, string? LibraryName);
