using System.Net;
using EnSakITaget.Api.IntegrationTests.Common;
using EnSakITaget.Application.Common.Paging;
using EnSakITaget.Application.Messaging;
using EnSakITaget.Domain.Identity;
using EnSakITaget.Domain.Messaging;

namespace EnSakITaget.Api.IntegrationTests.Messaging;

public sealed class OutboxAdministrationTests(MailApiFactory factory) : MailTest(factory)
{
    [Fact]
    public async Task An_administrator_lists_the_outbox_by_state_and_sends_a_message_again()
    {
        var user = await Factory.CreateUserAsync("malin.ekdahl@varnamo.example.se", (Role.Administrator, null));
        (await Factory.CreateClient().PostJsonAsync("/api/v1/auth/password-reset", new { email = user.Email })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Smtp.WaitForOneToAsync(user.Email);
        var sent = await WaitForStateAsync(OutboxState.Sent);

        var message = sent.Items.ShouldHaveSingleItem();
        message.RecipientEmail.ShouldBe(user.Email);
        message.Kind.ShouldBe("PasswordReset");
        message.Attempts.ShouldBe(1);
        (await (await Client.GetAsync("/api/v1/outbox?state=Failed")).ShouldBeAsync<PagedList<OutboxMessageDto>>(HttpStatusCode.OK)).TotalCount.ShouldBe(0);

        var resent = await (await Client.PostAsync($"/api/v1/outbox/{message.Id}/resend", null)).ShouldBeAsync<OutboxMessageDto>(HttpStatusCode.OK);

        resent.State.ShouldBe(OutboxState.Pending);
        await Smtp.WaitForAsync(2);
        (await WaitForStateAsync(OutboxState.Sent)).Items.ShouldHaveSingleItem().Id.ShouldBe(message.Id);
    }

    [Fact]
    public async Task Resending_a_message_that_does_not_exist_is_404()
    {
        var response = await Client.PostAsync($"/api/v1/outbox/{Guid.NewGuid()}/resend", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<PagedList<OutboxMessageDto>> WaitForStateAsync(OutboxState state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var page = await (await Client.GetAsync($"/api/v1/outbox?state={state}")).ShouldBeAsync<PagedList<OutboxMessageDto>>(HttpStatusCode.OK);
            if (page.TotalCount > 0 || DateTime.UtcNow > deadline)
            {
                return page;
            }

            await Task.Delay(100);
        }
    }
}
