using System.Text.Json;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Domain.Audit;
using Mediator;

namespace EnSakITaget.Application.Identity.UnlockUser;

/// <summary>Lifts an account's lockout after too many wrong passwords, and forgets its failed attempts.</summary>
public sealed record UnlockUserCommand(Guid Id) : ICommand<UserDto>;

internal sealed class UnlockUserCommandHandler(
    IIdentityService identity, IApplicationDbContext db, ICurrentUser caller, UserAccess access, TimeProvider time)
    : ICommandHandler<UnlockUserCommand, UserDto>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async ValueTask<UserDto> Handle(UnlockUserCommand command, CancellationToken cancellationToken)
    {
        var roles = await access.VisibleRolesOfAsync(command.Id, cancellationToken);
        access.EnsureMayChange(roles);
        var (account, lifted) = await identity.UnlockUserAsync(command.Id, cancellationToken);
        if (lifted is not null)
        {
            // The trail skips the lockout fields, which sign-ins change all the time; lifting a lockout
            // is an administrator's decision, so it is written here. The account's library lets its
            // county admin read it.
            var changes = new Dictionary<string, object?>();
            if (lifted.LockedOutUntil is { } until)
            {
                changes["lockoutEnd"] = new { from = until, to = (DateTimeOffset?)null };
            }

            if (lifted.FailedAttempts > 0)
            {
                changes["accessFailedCount"] = new { from = lifted.FailedAttempts, to = 0 };
            }

            db.AuditEntries.Add(AuditEntry.Record(time.GetUtcNow(), caller.UserId, caller.Name, AuditAction.Updated, "User",
                command.Id.ToString(), roles.FirstOrDefault(r => r.LibraryId is not null)?.LibraryId, JsonSerializer.Serialize(changes, Json)));
            await db.SaveChangesAsync(cancellationToken);
        }

        return await access.ToDtoAsync(account, roles, cancellationToken);
    }
}
