using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Notifications.Peers;
using RiskPlatform.Domain.Users;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Notifications;

/// <summary>
/// Verified contact points over HTTP: email and sms go only to an address its user confirmed with the code sent to it. The
/// code is read where a person would read it — the SMTP test server's mailbox, the fake Twilio's requests — and must never
/// reach the in-app inbox.
/// </summary>
public abstract partial class ContactVerificationTests() : DedicatedHostTest("contacts")
{
    private const string Root = "/api/v1/notifications";
    private const string ConfirmPage = "https://app.example.test/notifications/confirm";

    [Fact]
    public async Task AccountEmail_IsMailedOnlyOnceVerified_WithACodeFromTheMailbox_ThatNeverShowsInTheInbox()
    {
        var smtp = await SmtpAsync();
        var host = await Hosts.StartAsync(Settings(smtp));
        using var client = await DedicatedHosts.SignedInAsync(host, "flow@example.com");

        var before = (await client.PostAsync($"{Root}/test", new { priority = "high" })).EnsureStatus(HttpStatusCode.Created).Body!;
        Assert.Equal(("suppressed", "unverified_contact", "flow@example.com"), Row(before, "email"));

        var started = (await client.PostAsync($"{Root}/contact-verifications", new { channel = "email", address = " Flow@Example.com " }))
            .EnsureStatus(HttpStatusCode.Accepted).Body!;
        Assert.Equal(("email", "flow@example.com", "code_sent", 5), (Text(started, "channel"), Text(started, "address"), Text(started, "status"), started["attempts_left"]!.GetValue<int>()));
        var mail = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Equal("flow@example.com", mail.Headers["X-RcptTo"]);
        var code = SixDigits().Match(mail.TextBody!).Value;
        Assert.Contains(code, mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"{ConfirmPage}?channel=email&address=flow%40example.com&code={code}", mail.TextBody, StringComparison.Ordinal);

        // The code is nowhere in the in-app inbox (nor stored: only its hash is).
        var inbox = (await client.GetAsync(Root)).EnsureStatus(HttpStatusCode.OK);
        Assert.DoesNotContain(code, inbox.Text, StringComparison.Ordinal);
        Assert.Single(inbox.Array);
        Assert.Equal(0, await Hosts.CountAsync($"SELECT COUNT(*) FROM notification_contacts WHERE code_hash LIKE '%{code}%'"));

        // Asking again at once is refused; a wrong code counts down; the right one verifies, once and for all.
        var again = (await client.PostAsync($"{Root}/contact-verifications", new { channel = "email", address = "flow@example.com" })).EnsureProblem(HttpStatusCode.TooManyRequests);
        Assert.NotNull(again.Headers.RetryAfter);
        var wrong = (await client.PostAsync($"{Root}/contact-verifications/confirm", new { channel = "email", address = "flow@example.com", code = code == "000000" ? "111111" : "000000" }))
            .EnsureProblem(HttpStatusCode.UnprocessableEntity).Body!;
        Assert.Equal(("contact_verification.code_invalid", 4), (Text(wrong, "code"), wrong["attempts_left"]!.GetValue<int>()));
        Assert.Empty((await client.GetAsync($"{Root}/contacts")).EnsureStatus(HttpStatusCode.OK).Array);
        var confirmed = (await client.PostAsync($"{Root}/contact-verifications/confirm", new { channel = "email", address = "FLOW@example.com", code }))
            .EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(("email", "flow@example.com"), (Text(confirmed, "channel"), Text(confirmed, "address")));
        Assert.NotNull(confirmed["verified_at"]);
        var contact = Assert.Single((await client.GetAsync($"{Root}/contacts")).Array)!;
        Assert.Equal(confirmed["id"]!.GetValue<Guid>(), contact["id"]!.GetValue<Guid>());
        Assert.Equal("verified", Text((await client.PostAsync($"{Root}/contact-verifications", new { channel = "email", address = "flow@example.com" })).EnsureStatus(HttpStatusCode.OK).Body!, "status"));

        var after = (await client.PostAsync($"{Root}/test", new { priority = "high" })).EnsureStatus(HttpStatusCode.Created).Body!;
        Assert.Equal(("pending", "ready", "flow@example.com"), Row(after, "email"));
        Assert.Equal(2, (await smtp.WaitForMessagesAsync(2)).Count);

        // Forgotten, the address is unverified again.
        (await client.DeleteAsync($"{Root}/contacts/{contact["id"]!.GetValue<Guid>()}")).EnsureStatus(HttpStatusCode.NoContent);
        var forgotten = (await client.PostAsync($"{Root}/test", new { priority = "high" })).EnsureStatus(HttpStatusCode.Created).Body!;
        Assert.Equal(("suppressed", "unverified_contact", "flow@example.com"), Row(forgotten, "email"));
    }

    [Fact]
    public async Task AccountEmail_VerifiedThroughTheAccountsOwnLink_IsMailedWithoutACode()
    {
        var smtp = await SmtpAsync();
        var host = await Hosts.StartAsync(Settings(smtp));
        using var client = await DedicatedHosts.SignedInAsync(host, "linked@example.com");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // What POST /auth/verify-email does with the registration link's token (covered in EmailVerificationTests).
            var database = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
            var user = await database.Set<User>().SingleAsync(u => u.Id == client.UserId, TestContext.Current.CancellationToken);
            user.MarkEmailVerified();
            await database.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var sent = (await client.PostAsync($"{Root}/test", new { priority = "high" })).EnsureStatus(HttpStatusCode.Created).Body!;

        Assert.Equal(("pending", "ready", "linked@example.com"), Row(sent, "email"));
        Assert.Empty((await client.GetAsync($"{Root}/contacts")).EnsureStatus(HttpStatusCode.OK).Array);
    }

    [Fact]
    public async Task Phone_IsTextedOnlyOnceVerified_FiveWrongCodesBurnTheCode_AndANewOneVerifies()
    {
        var twilio = Hosts.Track(await FakeTwilio.StartAsync());
        var host = await Hosts.StartAsync(new Dictionary<string, string?>
        {
            ["Sms:Twilio:AccountSid"] = FakeTwilio.AccountSid,
            ["Sms:Twilio:AuthToken"] = FakeTwilio.AuthToken,
            ["Sms:Twilio:From"] = FakeTwilio.From,
            ["Sms:Twilio:BaseUrl"] = twilio.BaseUrl.ToString(),
            ["Sms:Twilio:StatusCallbackUrl"] = "https://riskplatform.test/api/v1/notifications/sms/status",
            ["Notifications:Outbox:PollInterval"] = "00:00:00.100",
        });
        using var client = await DedicatedHosts.SignedInAsync(host, "texter@example.com");
        (await client.PostAsync($"{Root}/preferences", new { notification_type = "system_alert", channel = "sms", is_enabled = true, min_priority = "low", phone = "+1 (212) 555-0100" }))
            .EnsureStatus(HttpStatusCode.Created);
        var before = (await client.PostAsync($"{Root}/test", new { priority = "high" })).EnsureStatus(HttpStatusCode.Created).Body!;
        Assert.Equal(("suppressed", "unverified_contact", "+12125550100"), Row(before, "sms"));

        (await client.PostAsync($"{Root}/contact-verifications", new { channel = "sms", address = "+1 212 555 0100" })).EnsureStatus(HttpStatusCode.Accepted);
        var text = Assert.Single(twilio.Requests);
        Assert.Equal(("+12125550100", null), (text.Field("To"), text.Field("StatusCallback")));
        var first = SixDigits().Match(text.Field("Body")!).Value;
        var notIt = first == "000000" ? "111111" : "000000";
        for (var left = 4; left >= 1; left--)
        {
            var wrong = (await client.PostAsync($"{Root}/contact-verifications/confirm", new { channel = "sms", address = "+12125550100", code = notIt })).EnsureProblem(HttpStatusCode.UnprocessableEntity).Body!;
            Assert.Equal(left, wrong["attempts_left"]!.GetValue<int>());
        }

        Assert.Equal("contact_verification.too_many_attempts", Text((await client.PostAsync($"{Root}/contact-verifications/confirm", new { channel = "sms", address = "+12125550100", code = notIt })).EnsureProblem(HttpStatusCode.UnprocessableEntity).Body!, "code"));
        Assert.Equal("contact_verification.no_code", Text((await client.PostAsync($"{Root}/contact-verifications/confirm", new { channel = "sms", address = "+12125550100", code = first })).EnsureProblem(HttpStatusCode.UnprocessableEntity).Body!, "code"));

        Hosts.Time.Shift(TimeSpan.FromSeconds(61)); // past the resend interval
        (await client.PostAsync($"{Root}/contact-verifications", new { channel = "sms", address = "+12125550100" })).EnsureStatus(HttpStatusCode.Accepted);
        var second = SixDigits().Match(twilio.Requests[^1].Field("Body")!).Value;
        (await client.PostAsync($"{Root}/contact-verifications/confirm", new { channel = "sms", address = "+1 212 555 0100", code = second })).EnsureStatus(HttpStatusCode.OK);

        var after = (await client.PostAsync($"{Root}/test", new { priority = "high" })).EnsureStatus(HttpStatusCode.Created).Body!;
        Assert.Equal(("pending", "ready", "+12125550100"), Row(after, "sms"));
        await Hosts.WaitForCountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Sms' AND status = 'Sent'", 1, "the sms row sent once the phone was verified");
        Assert.Equal(3, twilio.Requests.Count);
        Assert.DoesNotContain(second, (await client.GetAsync(Root)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verification_RefusesBadInput_AChannelNotConfigured_AndAnotherUsersAddressOrContact()
    {
        var smtp = await SmtpAsync();
        var host = await Hosts.StartAsync(Settings(smtp));
        using var owner = await DedicatedHosts.SignedInAsync(host, "owner@example.com");
        using var stranger = await DedicatedHosts.SignedInAsync(host, "stranger@example.com");

        (await owner.PostAsync($"{Root}/contact-verifications", new { channel = "webhook", address = "https://example.com" })).EnsureValidationError("channel");
        (await owner.PostAsync($"{Root}/contact-verifications", new { channel = "email", address = "not-an-address" })).EnsureValidationError("address");
        (await owner.PostAsync($"{Root}/contact-verifications", new { channel = "sms", address = "020 7946 0958" })).EnsureValidationError("address");
        (await owner.PostAsync($"{Root}/contact-verifications/confirm", new { channel = "email", address = "owner@example.com", code = "12345" })).EnsureValidationError("code");
        Assert.Equal("contact_verification.channel_not_configured", Text((await owner.PostAsync($"{Root}/contact-verifications", new { channel = "sms", address = "+12125550100" })).EnsureProblem(HttpStatusCode.ServiceUnavailable).Body!, "code"));
        (await owner.PostAsync($"{Root}/contact-verifications/confirm", new { channel = "email", address = "owner@example.com", code = "123456" })).EnsureProblem(HttpStatusCode.NotFound);

        (await owner.PostAsync($"{Root}/contact-verifications", new { channel = "email", address = "owner@example.com" })).EnsureStatus(HttpStatusCode.Accepted);
        var code = SixDigits().Match(Assert.Single(await smtp.WaitForMessagesAsync(1)).TextBody!).Value;

        // The stranger has no verification under way for the owner's address, and cannot see or remove the owner's contact.
        (await stranger.PostAsync($"{Root}/contact-verifications/confirm", new { channel = "email", address = "owner@example.com", code })).EnsureProblem(HttpStatusCode.NotFound);
        var id = (await owner.PostAsync($"{Root}/contact-verifications/confirm", new { channel = "email", address = "owner@example.com", code })).EnsureStatus(HttpStatusCode.OK).Body!["id"]!.GetValue<Guid>();
        Assert.Empty((await stranger.GetAsync($"{Root}/contacts")).Array);
        (await stranger.DeleteAsync($"{Root}/contacts/{id}")).EnsureProblem(HttpStatusCode.NotFound);
        Assert.Single((await owner.GetAsync($"{Root}/contacts")).Array);
    }

    private static (string Status, string Reason, string? Recipient) Row(System.Text.Json.Nodes.JsonNode body, string channel)
    {
        var row = body["deliveries"]!.AsArray().Single(d => d!["channel"]!.GetValue<string>() == channel)!;
        return (row["status"]!.GetValue<string>(), row["status_reason"]!.GetValue<string>(), row["recipient"]?.GetValue<string>());
    }

    private static string Text(System.Text.Json.Nodes.JsonNode body, string name) => body[name]!.GetValue<string>();

    private static Dictionary<string, string?> Settings(SmtpTestServer smtp) => new()
    {
        ["Smtp:Host"] = smtp.Host,
        ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "none",
        ["Smtp:From"] = "RiskPlatform <alerts@riskplatform.test>",
        ["Notifications:Outbox:PollInterval"] = "00:00:00.100",
        ["Notifications:Contacts:ConfirmUrl"] = ConfirmPage,
    };

    private async Task<SmtpTestServer> SmtpAsync()
    {
        if (SmtpTestServer.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        return Hosts.Track(await SmtpTestServer.StartAsync(SmtpTestHandler.Mailbox));
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}

public sealed class ContactVerificationTestsOnSqlite : ContactVerificationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class ContactVerificationTestsOnPostgres : ContactVerificationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
