using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Notifications.Peers;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Notifications;

/// <summary>
/// End to end: sms preferences and notifications over HTTP, the sms outbox worker of the host, a fake of Twilio's Messages
/// API on loopback (<see cref="FakeTwilio"/>) and Twilio-signed status callbacks, signed here by Twilio's documented rule.
/// </summary>
public abstract class SmsDeliveryTests() : DedicatedHostTest("sms")
{
    private const string Root = "/api/v1/notifications";
    private const string CallbackUrl = "https://riskplatform.test/api/v1/notifications/sms/status";
    [Fact]
    public async Task Sms_IsPostedToTwilioWithBasicAuthAndFormFields_AndTheRowKeepsItsSid()
    {
        var (host, twilio) = await StartAsync();
        using var client = await SignedInWithSmsAsync(host, "ann@example.com", "+44 20 7946 0958");

        var created = (await client.PostAsync($"{Root}/test", new { priority = "high" })).EnsureStatus(HttpStatusCode.Created).Body!;

        var row = created["deliveries"]!.AsArray().Single(d => d!["channel"]!.GetValue<string>() == "sms")!;
        Assert.Equal(("pending", "+442079460958"), (row["status"]!.GetValue<string>(), row["recipient"]!.GetValue<string>()));
        await Hosts.WaitForCountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Sms' AND status = 'Sent' AND attempts = 1", 1, "the sms row sent");
        var request = Assert.Single(twilio.Requests);
        Assert.True(request.Authorized, "basic auth with the account SID and auth token");
        Assert.Equal("+442079460958", request.Field("To"));
        Assert.Equal(FakeTwilio.From, request.Field("From"));
        Assert.Equal(CallbackUrl, request.Field("StatusCallback"));
        Assert.Equal("RiskPlatform: Test notification", request.Field("Body"));
        var sid = Assert.Single(twilio.AcceptedSids);
        Assert.Equal(1, await Hosts.CountAsync($"SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Sms' AND external_id = '{sid}'"));
    }

    [Theory]
    [InlineData(FakeTwilio.InvalidNumber, "21211")]
    [InlineData(FakeTwilio.UnsubscribedNumber, "21610")]
    public async Task Sms_ToANumberTwilioCannotUse_FailsAtOnce(string phone, string errorCode)
    {
        var (host, twilio) = await StartAsync();
        using var client = await SignedInWithSmsAsync(host, "unusable@example.com", phone);

        (await client.PostAsync($"{Root}/test")).EnsureStatus(HttpStatusCode.Created);

        await Hosts.WaitForCountAsync(
            $"SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Sms' AND status = 'Failed' AND status_reason = 'permanent_failure' AND attempts = 1 AND last_error LIKE '%{errorCode}%'",
            1,
            "the sms row failed on its first attempt");
        Assert.Single(twilio.Requests);
    }

    [Fact]
    public async Task Sms_WhileTwilioIsDown_IsRetriedAndSentExactlyOnce()
    {
        var (host, twilio) = await StartAsync();
        using var client = await SignedInWithSmsAsync(host, "outage@example.com", "+12125550100");
        twilio.FailNext(1);

        (await client.PostAsync($"{Root}/test")).EnsureStatus(HttpStatusCode.Created);
        await Hosts.WaitForCountAsync(
            "SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Sms' AND status = 'Pending' AND status_reason = 'retry_scheduled' AND attempts = 1 AND last_error LIKE '%503%'",
            1,
            "the sms row retried after a 503");
        Hosts.Time.Shift(TimeSpan.FromSeconds(31));

        await Hosts.WaitForCountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Sms' AND status = 'Sent' AND attempts = 2", 1, "the sms row sent on its second attempt");
        Assert.Equal(2, twilio.Requests.Count);
        Assert.Single(twilio.AcceptedSids);
    }

    [Fact]
    public async Task Sms_WithWrongCredentials_IsRetriedAndTheTokenIsNeverLoggedOrStored()
    {
        const string canary = "wrong-twilio-token-canary-91be";
        var (host, twilio) = await StartAsync(new() { ["Sms:Twilio:AuthToken"] = canary });
        using var client = await SignedInWithSmsAsync(host, "creds@example.com", "+12125550100");

        (await client.PostAsync($"{Root}/test")).EnsureStatus(HttpStatusCode.Created);

        await Hosts.WaitForCountAsync(
            "SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Sms' AND status = 'Pending' AND status_reason = 'retry_scheduled' AND last_error LIKE '%20003%'",
            1,
            "the sms row waiting for a retry after Twilio refused the credentials");
        Assert.False(Assert.Single(twilio.Requests).Authorized);
        Assert.False(Hosts.Logs.Contains(canary), "the Twilio auth token was logged");
        Assert.Equal(0, await Hosts.CountAsync($"SELECT COUNT(*) FROM notification_deliveries WHERE last_error LIKE '%{canary}%'"));
    }

    [Fact]
    public async Task StatusCallback_SignedByTwilio_ConfirmsOrFailsTheRow_AndAnUnsignedOneIs401()
    {
        var (host, twilio) = await StartAsync();
        using var client = await SignedInWithSmsAsync(host, "callback@example.com", "+12125550100");
        (await client.PostAsync($"{Root}/test")).EnsureStatus(HttpStatusCode.Created);
        await Hosts.WaitForCountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Sms' AND status = 'Sent'", 1, "the sms row sent");
        var sid = Assert.Single(twilio.AcceptedSids);
        using var twilioCallbacks = host.CreateClient();

        var delivered = Callback(sid, "delivered");
        Assert.Equal(HttpStatusCode.Unauthorized, await PostCallbackAsync(twilioCallbacks, delivered, signature: null));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostCallbackAsync(twilioCallbacks, delivered, TwilioSignature(FakeTwilio.AuthToken, CallbackUrl, Callback(sid, "sent"))));
        Assert.Equal(1, await Hosts.CountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Sms' AND status = 'Sent' AND status_reason = 'delivered'"));

        Assert.Equal(HttpStatusCode.NoContent, await PostCallbackAsync(twilioCallbacks, delivered, TwilioSignature(FakeTwilio.AuthToken, CallbackUrl, delivered)));
        Assert.Equal(1, await Hosts.CountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Sms' AND status = 'Sent' AND status_reason = 'delivery_confirmed'"));

        var undelivered = Callback(sid, "undelivered", errorCode: "30003");
        Assert.Equal(HttpStatusCode.NoContent, await PostCallbackAsync(twilioCallbacks, undelivered, TwilioSignature(FakeTwilio.AuthToken, CallbackUrl, undelivered)));
        Assert.Equal(1, await Hosts.CountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Sms' AND status = 'Failed' AND status_reason = 'undelivered' AND last_error LIKE '%30003%'"));

        var unknown = Callback("SM00000000000000000000000000000000", "delivered");
        Assert.Equal(HttpStatusCode.NoContent, await PostCallbackAsync(twilioCallbacks, unknown, TwilioSignature(FakeTwilio.AuthToken, CallbackUrl, unknown)));
    }

    private static Dictionary<string, string> Callback(string sid, string status, string? errorCode = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["AccountSid"] = FakeTwilio.AccountSid,
            ["ApiVersion"] = "2010-04-01",
            ["From"] = FakeTwilio.From,
            ["MessageSid"] = sid,
            ["MessageStatus"] = status,
            ["SmsSid"] = sid,
            ["SmsStatus"] = status,
            ["To"] = "+12125550100",
        };
        if (errorCode is not null)
        {
            fields["ErrorCode"] = errorCode;
        }

        return fields;
    }

    /// <summary>Twilio's rule, written from its documentation: base64(HMAC-SHA1(token, URL + each field's name and value, sorted by name)).</summary>
    private static string TwilioSignature(string authToken, string url, Dictionary<string, string> fields)
    {
        var data = url + string.Concat(fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + f.Value));
#pragma warning disable CA5350 // Twilio's scheme, reproduced to sign like Twilio does.
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(authToken));
#pragma warning restore CA5350
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(data)));
    }

    private static async Task<HttpStatusCode> PostCallbackAsync(HttpClient http, Dictionary<string, string> fields, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Root}/sms/status") { Content = new FormUrlEncodedContent(fields) };
        if (signature is not null)
        {
            request.Headers.Add("X-Twilio-Signature", signature);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<ApiClient> SignedInWithSmsAsync(RiskPlatformApiFactory host, string email, string phone)
    {
        var client = await DedicatedHosts.SignedInAsync(host, email);
        (await client.PostAsync($"{Root}/preferences", new { notification_type = "system_alert", channel = "sms", is_enabled = true, min_priority = "low", phone }))
            .EnsureStatus(HttpStatusCode.Created);
        await VerifiedContacts.VerifyAsync(host.Services, client.UserId, NotificationChannel.Sms, phone);
        return client;
    }

    private async Task<(RiskPlatformApiFactory Host, FakeTwilio Twilio)> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var twilio = Hosts.Track(await FakeTwilio.StartAsync());
        var settings = new Dictionary<string, string?>
        {
            ["Sms:Twilio:AccountSid"] = FakeTwilio.AccountSid,
            ["Sms:Twilio:AuthToken"] = FakeTwilio.AuthToken,
            ["Sms:Twilio:From"] = FakeTwilio.From,
            ["Sms:Twilio:BaseUrl"] = twilio.BaseUrl.ToString(),
            ["Sms:Twilio:StatusCallbackUrl"] = CallbackUrl,
            ["Notifications:Outbox:PollInterval"] = "00:00:00.100",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return (await Hosts.StartAsync(settings), twilio);
    }
}

public sealed class SmsDeliveryTestsOnSqlite : SmsDeliveryTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SmsDeliveryTestsOnPostgres : SmsDeliveryTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
