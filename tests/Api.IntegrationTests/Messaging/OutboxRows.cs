using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Application.Common.Abstractions;
using EnSakITaget.Application.Messaging.Contracts;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EnSakITaget.Api.IntegrationTests.Messaging;

/// <summary>Letters put straight into the outbox, and its rows counted by state, for the sender's tests.</summary>
internal static class OutboxRows
{
    /// <summary>One password-reset letter each to <paramref name="count"/> people <c>{localPart}{i}@varnamo.example.se</c>, in one transaction.</summary>
    public static Task QueueResetLettersAsync(this ApiFactory factory, int count, string localPart = "person") =>
        factory.WithSystemScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var outbox = services.GetRequiredService<IOutbox>();
            await services.GetRequiredService<ITransactionRunner>().RunAsync(async () =>
            {
                for (var i = 0; i < count; i++)
                {
                    await outbox.QueueAsync(
                        new PasswordResetLetter($"{localPart}{i}@varnamo.example.se", $"Person {i} Åström", Guid.Empty, new Guid(i, 0, 0, new byte[8]),
                            "token", factory.Clock.GetUtcNow().AddHours(2)),
                        CancellationToken.None);
                }

                await db.SaveChangesAsync();
                return 0;
            }, CancellationToken.None);
            return 0;
        });

    public static Task<Dictionary<string, int>> OutboxStatesAsync(this ApiFactory factory) =>
        factory.WithSystemScopeAsync(async services =>
            (await services.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking().ToListAsync())
                .GroupBy(m => m.State.ToString()).ToDictionary(g => g.Key, g => g.Count()));
}
