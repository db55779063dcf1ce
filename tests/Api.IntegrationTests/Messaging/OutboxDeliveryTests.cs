using System.Net;
using EnSakITaget.Application.Messaging.Contracts;
using EnSakITaget.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EnSakITaget.Api.IntegrationTests.Messaging;

public sealed class OutboxDeliveryTests(MailApiFactory factory) : MailTest(factory)
{
    [Fact]
    public async Task A_queued_message_arrives_at_the_mail_server_with_its_swedish_subject_intact()
    {
        await Factory.QueueResetLettersAsync(1);

        var message = await Smtp.WaitForOneToAsync("person0@varnamo.example.se");

        message.Subject.ShouldBe("Återställ ditt lösenord till En sak i taget");
        message.From.Mailboxes.Single().Address.ShouldBe("noreply@jonkoping.example.se");
        message.TextBody!.ShouldContain("https://ensakitaget.example.se/aterstall-losenord?token=");
        message.HtmlBody!.ShouldContain("<a href=\"https://ensakitaget.example.se/aterstall-losenord?token=");
        var raw = System.Text.Encoding.ASCII.GetString(message.Headers.First(h => h.Id == MimeKit.HeaderId.Subject).RawValue).Trim();
        raw.ShouldStartWith("=?", customMessage: "an RFC 2047 encoded word");
        raw.All(char.IsAscii).ShouldBeTrue();
    }

    [Fact]
    public async Task The_same_letter_queued_twice_is_sent_once()
    {
        await Factory.QueueResetLettersAsync(1);
        await Factory.QueueResetLettersAsync(1);

        await Smtp.WaitForOneToAsync("person0@varnamo.example.se");
        await Task.Delay(TimeSpan.FromSeconds(2));

        Smtp.Received.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Two_api_instances_on_one_database_send_every_message_exactly_once()
    {
        await using var second = Factory.SecondInstance();
        await second.InitializeAsync();

        await Factory.QueueResetLettersAsync(300);

        var received = await Smtp.WaitForAsync(300, seconds: 60);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Smtp.Received.Count.ShouldBe(300);
        received.Select(m => m.MessageId).Distinct().Count().ShouldBe(300);
        (await Factory.OutboxStatesAsync()).ShouldBe(new Dictionary<string, int> { ["Sent"] = 300 });
    }

    [Fact]
    public async Task With_the_mail_server_down_the_messages_wait_and_go_once_it_is_back()
    {
        await Smtp.StopAsync();
        try
        {
            await Factory.QueueResetLettersAsync(5);
            await WaitUntilAsync(async () => await TriedAsync() >= 5);
            var ready = await Client.GetAsync("/health/ready");
            (await ready.Content.ReadAsStringAsync()).ShouldContain("\"email\":\"Degraded\"");
        }
        finally
        {
            Smtp.Start();
        }

        Factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await Smtp.WaitForAsync(5);
        await Task.Delay(TimeSpan.FromSeconds(2));

        Smtp.Received.Count.ShouldBe(5);
        (await Factory.OutboxStatesAsync()).ShouldBe(new Dictionary<string, int> { ["Sent"] = 5 });
        var healthy = await Client.GetAsync("/health/ready");
        healthy.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await healthy.Content.ReadAsStringAsync()).ShouldContain("\"email\":\"Healthy\"");
    }

    [Fact]
    public async Task Four_workers_side_by_side_still_send_each_persons_waiting_letters_as_one_email()
    {
        var four = MailApiFactory.With(new Dictionary<string, string> { ["Email:Connections"] = "4", ["Email:BatchSize"] = "5" });
        await four.InitializeAsync();
        try
        {
            await FourWorkersSendOneEmailEachAsync(four);
        }
        finally
        {
            await four.DisposeAsync();
        }
    }

    private static async Task FourWorkersSendOneEmailEachAsync(MailApiFactory four)
    {
        var round = new RoundOfLetter(Guid.NewGuid(), "Sociala medier – Värnamo 2010", "Värnamo bibliotek");
        await four.WithSystemScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            await services.GetRequiredService<IOutbox>().QueueManyAsync(
                [.. Enumerable.Range(0, 40).SelectMany(person => Enumerable.Range(1, 3).Select(position => new ThingReleasedLetter(
                    $"mottagare{person}@varnamo.example.se", $"Mottagare {person}", round, new Guid(position, 0, 0, new byte[8]), position, $"Sak {position}", 30)))],
                CancellationToken.None);
            return await db.SaveChangesAsync();
        });

        var received = await four.Smtp.WaitForAsync(40, seconds: 60);
        await Task.Delay(TimeSpan.FromSeconds(2));

        four.Smtp.Received.Count.ShouldBe(40, "one e-mail per person");
        received.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count().ShouldBe(40);
        received.ShouldAllBe(m => NoticeTests.KindsOf(m).Length == 1 && m.TextBody!.Contains("Sak 1") && m.TextBody.Contains("Sak 2") && m.TextBody.Contains("Sak 3"));
    }


    private Task<int> TriedAsync() =>
        Factory.WithSystemScopeAsync(services =>
            services.GetRequiredService<AppDbContext>().OutboxMessages.CountAsync(m => m.Attempts > 0 && m.LastError != null));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the condition did not come true in time");
            await Task.Delay(100);
        }
    }
}
