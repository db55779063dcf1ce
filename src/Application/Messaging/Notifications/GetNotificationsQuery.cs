using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Common.Exceptions;
using EnSakITaget.Domain.Messaging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EnSakITaget.Application.Messaging.Notifications;

/// <summary>What e-mail I get: per kind at once, weekly or not at all, and in which language.</summary>
public sealed record GetNotificationsQuery : IQuery<NotificationSettingsDto>;

internal sealed class GetNotificationsQueryHandler(IApplicationDbContext db, ICurrentUser caller) : IQueryHandler<GetNotificationsQuery, NotificationSettingsDto>
{
    public async ValueTask<NotificationSettingsDto> Handle(GetNotificationsQuery query, CancellationToken cancellationToken)
    {
        var email = NotificationSettings.Normalise(caller.Email ?? throw new UnauthorizedException("Only a signed-in user has e-mail settings."));
        return NotificationSettingsDto.Of(await db.NotificationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Email == email, cancellationToken));
    }
}
