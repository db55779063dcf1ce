namespace EnSakITaget.Infrastructure.Identity;

public enum AccountTokenPurpose
{
    /// <summary>Sets the first password: of an account that does not exist yet (the staff member's), or of one made without a password.</summary>
    Invitation,

    /// <summary>Sets a new password on an existing account.</summary>
    PasswordReset,
}

/// <summary>
/// A single-use token sent by e-mail, kept only as its SHA-256 hash (it is 256 random bits, so a
/// slow hash adds nothing). Used once, or past its time, it opens nothing.
/// </summary>
public sealed class AccountToken
{
    public Guid Id { get; set; }
    public AccountTokenPurpose Purpose { get; set; }
    public string TokenHash { get; set; } = string.Empty;
    public string Email { get; set; } = string.Empty;

    /// <summary>The account a reset is for, or the account made without a password that an invitation activates.</summary>
    public Guid? UserId { get; set; }

    /// <summary>The member of staff an invitation is for: their account is made from what the invitation keeps of their record.</summary>
    public Guid? StaffMemberId { get; set; }

    /// <summary>An invitation's: the name the account gets.</summary>
    public string? DisplayName { get; set; }

    /// <summary>An invitation's: the library unit where the account becomes a participant.</summary>
    public Guid? LibraryId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}
