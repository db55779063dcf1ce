using EnSakITaget.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmtpServer.Protocol;

namespace EnSakITaget.Api.IntegrationTests.Messaging;

/// <summary>
/// A mail server that ends a session in the middle of a batch: at its per-session limit (421), or
/// as SmtpServer does to a connection silent for its command timeout (221, read by MailKit as the
/// answer to the next MAIL FROM). The drain bench once lost one message of 30,000 so: a 221 was
/// taken for a refusal of that message, which was marked failed and never sent. The clock stands
/// still, so nothing here arrives by a later retry: what is not taken on one connection goes on the next.
/// </summary>
public sealed class OutboxConnectionLossTests(MailApiFactory factory) : MailTest(factory)
{
    [Theory]
    [InlineData(SmtpReplyCode.ServiceClosingTransmissionChannel)]
    [InlineData(SmtpReplyCode.ServiceUnavailable)]
    public async Task When_the_mail_server_ends_each_session_after_three_messages_every_message_of_the_batch_arrives_once(SmtpReplyCode closing)
    {
        Smtp.EndSessionsAfter(3, closing);
        try
        {
            await Factory.QueueResetLettersAsync(20, "forlorad");

            var received = await Smtp.WaitForAsync(20);
            await Task.Delay(TimeSpan.FromSeconds(2));

            Smtp.Received.Count.ShouldBe(20);
            received.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count().ShouldBe(20);
            (await Factory.OutboxStatesAsync()).ShouldBe(new Dictionary<string, int> { ["Sent"] = 20 });
        }
        finally
        {
            Smtp.EndSessionsAfter(null);
        }
    }

    [Fact]
    public async Task A_message_taken_on_a_new_connection_after_the_old_one_ended_counts_one_attempt_and_keeps_no_error()
    {
        Smtp.EndSessionsAfter(1);
        try
        {
            await Factory.QueueResetLettersAsync(4, "forlorad");

            await Smtp.WaitForAsync(4);
            await Task.Delay(TimeSpan.FromSeconds(1));

            var messages = await Factory.WithSystemScopeAsync(async services =>
                await services.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking().ToListAsync());
            messages.ShouldAllBe(m => m.Attempts == 1 && m.LastError == null && m.SentAt != null);
        }
        finally
        {
            Smtp.EndSessionsAfter(null);
        }
    }
}
