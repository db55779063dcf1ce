using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Privacy.Contracts;

namespace EnSakITaget.Application.Identity;

/// <summary>The Identity module's part in export and erasure: the person's account and every role it holds.</summary>
internal sealed class IdentityPersonalData(IApplicationDbContext db, IIdentityService identity, IAccountService accounts, UserAccess access) : IPersonalDataSource
{
    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        if (subject.AccountId is not { } accountId || await identity.FindUserAsync(accountId, cancellationToken) is not { } account)
        {
            return [];
        }

        var roles = await db.AllRolesOfAsync(accountId, cancellationToken);
        return
        [
            new("account", 1,
                "Inloggningskontot: e-post, visningsnamn och när det skapades (lösenordet sparas bara som ett hash-värde och lämnas inte ut).",
                "The sign-in account: e-mail, display name and when it was created (the password is kept only as a hash and is not given out).",
                [new { account.Id, account.Email, account.DisplayName, account.CreatedAt, account.LockedOutUntil }]),
            new("roles", roles.Count,
                "Kontots roller och vilka bibliotek de gäller.",
                "The account's roles and the libraries they apply to.",
                [.. roles.Select(r => (object)new { r.Role, r.LibraryId })]),
        ];
    }

    /// <summary>The account goes, with its roles and refresh tokens, and every invitation or reset link sent to the person: an erased person cannot sign in.</summary>
    public async Task EraseAsync(DataSubject subject, ErasureRequest request, CancellationToken cancellationToken)
    {
        await accounts.ForgetLinksToAsync(subject.Email, cancellationToken);
        if (subject.AccountId is not { } accountId || await identity.FindUserAsync(accountId, cancellationToken) is null)
        {
            return;
        }

        var roles = await db.AllRolesOfAsync(accountId, cancellationToken);
        access.EnsureMayChange(roles);
        db.RoleAssignments.RemoveRange(roles);
        await db.SaveChangesAsync(cancellationToken);
        await identity.DeleteUserAsync(accountId, cancellationToken);
    }
}
