using System.Net;
using Bunit;
using RiskPlatform.Web.ComponentTests.Support;
using RiskPlatform.Web.Forms;

namespace RiskPlatform.Web.ComponentTests.Forms;

public sealed class NotificationSettingsTests : WebAppTest
{
    private const string WebhookSecret = "whsec_c2VjcmV0LXNob3duLW9uY2U";

    private static string Preference(string id, string type, string channel, bool enabled, string timeZone = "UTC") => $$"""
        {"id":"0193c1a0-0000-7000-8000-{{id}}","user_id":"0193c1a0-0000-7000-8000-0000000000aa","notification_type":"{{type}}","channel":"{{channel}}",
         "is_enabled":{{(enabled ? "true" : "false")}},"min_priority":"low","quiet_hours_enabled":false,"quiet_start_hour":null,"quiet_end_hour":null,
         "time_zone":"{{timeZone}}","email":null,"phone":null,"webhook_url":null,"digest_interval_minutes":null,
         "created_at":"2026-01-05T10:00:00Z","updated_at":"2026-01-05T10:00:00Z"}
        """;

    [Fact]
    public async Task Grid_TogglingACell_UpdatesItsRowAndACellWithoutARowSaysDefaultUntilTheDefaultsAreStored()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Get, "notifications/preferences", HttpStatusCode.OK, $"[{Preference("000000000001", "risk_breach", "email", true)}]")
            .On(HttpMethod.Put, "notifications/preferences/0193c1a0-0000-7000-8000-000000000001", HttpStatusCode.OK,
                Preference("000000000001", "risk_breach", "email", false))
            .On(HttpMethod.Post, "notifications/preferences/set-defaults", HttpStatusCode.OK, """{"message":"Created 95 default preference(s).","count":95}""")
            .On(HttpMethod.Get, "notifications/preferences", HttpStatusCode.OK,
                $"[{Preference("000000000001", "risk_breach", "email", false)},{Preference("000000000002", "order_filled", "sms", false)}]");
        var cut = Render<PreferenceGrid>();
        cut.WaitForAssertion(() => Assert.True(cut.Find("input[data-cell='risk_breach/email']").HasAttribute("checked")));
        Assert.Equal("default", cut.Find("[data-cell='order_filled/sms']").TextContent);

        cut.Find("input[data-cell='risk_breach/email']").Change(false);
        cut.WaitForAssertion(() => Assert.False(cut.Find("input[data-cell='risk_breach/email']").HasAttribute("checked")));
        Assert.Equal("""{"is_enabled":false}""", Api.Single(HttpMethod.Put, "notifications/preferences/0193c1a0-0000-7000-8000-000000000001").Body);

        cut.Button("Make every cell editable").Click();

        cut.WaitForAssertion(() => Assert.False(cut.Find("input[data-cell='order_filled/sms']").HasAttribute("checked")));
        Api.Single(HttpMethod.Post, "notifications/preferences/set-defaults");
    }

    [Fact]
    public async Task Cell_MinPriorityAndDigest_AreSavedForThatRowOnlyAndShownInTheCell()
    {
        await SignedInAsync();
        const string Row = "0193c1a0-0000-7000-8000-000000000001";
        Api.On(HttpMethod.Get, "notifications/preferences", HttpStatusCode.OK,
                $"[{Preference("000000000001", "order_filled", "email", true)},{Preference("000000000002", "order_filled", "in_app", true)}]")
            .On(HttpMethod.Put, $"notifications/preferences/{Row}", HttpStatusCode.BadRequest,
                """{"title":"One or more fields are invalid.","status":400,"errors":{"digest_interval_minutes":["'Digest Interval Minutes' must be between 0 (off) and 1440 minutes."]}}""")
            .On(HttpMethod.Put, $"notifications/preferences/{Row}", HttpStatusCode.OK,
                Preference("000000000001", "order_filled", "email", true).Replace("\"min_priority\":\"low\"", "\"min_priority\":\"high\"", StringComparison.Ordinal)
                    .Replace("\"digest_interval_minutes\":null", "\"digest_interval_minutes\":60", StringComparison.Ordinal));
        var cut = Render<PreferenceGrid>();
        cut.WaitForAssertion(() => Assert.Equal("≥ low", cut.Find("[data-cell-detail='order_filled/email']").TextContent));

        cut.Find("[data-cell-detail='order_filled/email']").Click();
        cut.Find("#cell-min-priority").Change("high");
        cut.Find("#cell-digest").Change("2000");
        await cut.Find("[data-testid=cell-editor]").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Contains("1440 minutes", cut.Find("#cell-digest ~ .field-error").TextContent, StringComparison.Ordinal));
        cut.Find("#cell-digest").Change("60");
        await cut.Find("[data-testid=cell-editor]").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal("≥ high, digest 60 min", cut.Find("[data-cell-detail='order_filled/email']").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=cell-editor]"));
        Assert.Equal("≥ low", cut.Find("[data-cell-detail='order_filled/in_app']").TextContent);
        Assert.Equal("""{"min_priority":"high","digest_interval_minutes":60}""", Api.Requests.Last(r => r.Method == HttpMethod.Put).Body);
    }

    [Fact]
    public async Task Cell_OnAChannelWithoutDigests_OffersOnlyTheMinimumPriority()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Get, "notifications/preferences", HttpStatusCode.OK, $"[{Preference("000000000002", "risk_breach", "push", true)}]")
            .On(HttpMethod.Put, "notifications/preferences/0193c1a0-0000-7000-8000-000000000002", HttpStatusCode.OK,
                Preference("000000000002", "risk_breach", "push", true).Replace("\"min_priority\":\"low\"", "\"min_priority\":\"urgent\"", StringComparison.Ordinal));
        var cut = Render<PreferenceGrid>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-cell-detail='risk_breach/push']")));

        cut.Find("[data-cell-detail='risk_breach/push']").Click();
        Assert.Empty(cut.FindAll("#cell-digest"));
        cut.Find("#cell-min-priority").Change("urgent");
        await cut.Find("[data-testid=cell-editor]").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal("≥ urgent", cut.Find("[data-cell-detail='risk_breach/push']").TextContent));
        Assert.Equal("""{"min_priority":"urgent"}""", Api.Single(HttpMethod.Put, "notifications/preferences/0193c1a0-0000-7000-8000-000000000002").Body);
    }

    [Fact]
    public async Task QuietHours_WithAnUnknownTimeZone_ShowsTheApiMessageBesideTheTimeZone()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Get, "notifications/preferences", HttpStatusCode.OK, $"[{Preference("000000000001", "risk_breach", "email", true)}]")
            .On(HttpMethod.Put, "notifications/preferences/0193c1a0-0000-7000-8000-000000000001", HttpStatusCode.BadRequest,
                """{"title":"One or more fields are invalid.","status":400,"errors":{"time_zone":["'Mars/Olympus' is not a known IANA time zone."]}}""");
        var cut = Render<PreferenceGrid>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#time-zone")));

        cut.Find("#quiet-enabled").Change(true);
        cut.Find("#quiet-start").Change("22");
        cut.Find("#quiet-end").Change("7");
        cut.Find("#time-zone").Change("Mars/Olympus");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal("'Mars/Olympus' is not a known IANA time zone.", cut.Find("#time-zone ~ .field-error").TextContent));
        Assert.Equal("""{"quiet_hours_enabled":true,"quiet_start_hour":22,"quiet_end_hour":7,"time_zone":"Mars/Olympus"}""",
            Api.Requests.Single(r => r.Method == HttpMethod.Put).Body);
    }

    [Fact]
    public async Task Contact_SendsACodeThenConfirmsItAndListsTheVerifiedAddress()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Get, "notifications/contacts", HttpStatusCode.OK, "[]")
            .On(HttpMethod.Post, "notifications/contact-verifications", HttpStatusCode.Accepted,
                """{"channel":"email","address":"ann@work.example","status":"code_sent","expires_at":"2026-01-05T10:15:00Z","resend_available_at":null,"attempts_left":5}""")
            .On(HttpMethod.Get, "notifications/contacts", HttpStatusCode.OK, "[]")
            .On(HttpMethod.Post, "notifications/contact-verifications/confirm", HttpStatusCode.BadRequest,
                """{"title":"One or more fields are invalid.","status":400,"errors":{"code":["The code is not valid; 4 attempts left."]}}""")
            .On(HttpMethod.Post, "notifications/contact-verifications/confirm", HttpStatusCode.OK,
                """{"id":"0193c1a0-0000-7000-8000-000000000c01","channel":"email","address":"ann@work.example","verified_at":"2026-01-05T10:01:00Z"}""")
            .On(HttpMethod.Get, "notifications/contacts", HttpStatusCode.OK,
                """[{"id":"0193c1a0-0000-7000-8000-000000000c01","channel":"email","address":"ann@work.example","verified_at":"2026-01-05T10:01:00Z"}]""");
        var cut = Render<ContactPoints>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#contact-address")));

        cut.Find("#contact-address").Change(" ann@work.example ");
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#contact-code")));
        cut.Find("#contact-code").Change("111111");
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Equal("The code is not valid; 4 attempts left.", cut.Find("#contact-code ~ .field-error").TextContent));
        cut.Find("#contact-code").Change("424242");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("verified 2026-01-05 10:01:00Z", cut.Find("[data-testid=contact]").TextContent, StringComparison.Ordinal));
        Assert.Equal("""{"channel":"email","address":"ann@work.example"}""", Api.Single(HttpMethod.Post, "notifications/contact-verifications").Body);
        Assert.Contains("\"code\":\"424242\"", Api.Requests.Last(r => r.Path.EndsWith("/confirm", StringComparison.Ordinal)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_SecretIsShownOnceAfterAddingAndGoneOnceDismissed()
    {
        await SignedInAsync();
        const string Listed = """
            [{"id":"0193c1a0-0000-7000-8000-000000000d01","url":"https://hooks.example/rp","notification_types":[],"is_active":true,
              "consecutive_failures":0,"last_success_at":null,"last_failure_at":null,"disabled_at":null,"disabled_reason":null,
              "previous_secret_expires_at":null,"created_at":"2026-01-05T10:00:00Z","updated_at":"2026-01-05T10:00:00Z"}]
            """;
        Api.On(HttpMethod.Get, "notifications/webhooks", HttpStatusCode.OK, "[]")
            .On(HttpMethod.Post, "notifications/webhooks", HttpStatusCode.Created,
                $$"""{"id":"0193c1a0-0000-7000-8000-000000000d01","url":"https://hooks.example/rp","notification_types":[],"secret":"{{WebhookSecret}}","is_active":true,"created_at":"2026-01-05T10:00:00Z"}""")
            .On(HttpMethod.Get, "notifications/webhooks", HttpStatusCode.OK, Listed);
        var cut = Render<Webhooks>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#webhook-url")));

        cut.Find("#webhook-url").Change("https://hooks.example/rp");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains(WebhookSecret, cut.Find("[data-testid=webhook-secret]").TextContent, StringComparison.Ordinal));
        Assert.Contains("https://hooks.example/rp", cut.Find("[data-testid=webhook]").TextContent, StringComparison.Ordinal);
        cut.Button("I have saved it").Click();
        Assert.DoesNotContain(WebhookSecret, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_WithChosenTypes_RegistersOnlyThoseAndListsThem()
    {
        await SignedInAsync();
        const string Listed = """
            [{"id":"0193c1a0-0000-7000-8000-000000000d02","url":"https://hooks.example/fills","notification_types":["order_filled","risk_breach"],
              "is_active":true,"consecutive_failures":0,"last_success_at":null,"disabled_at":null,"disabled_reason":null,"created_at":"2026-01-05T10:00:00Z"}]
            """;
        Api.On(HttpMethod.Get, "notifications/webhooks", HttpStatusCode.OK, "[]")
            .On(HttpMethod.Post, "notifications/webhooks", HttpStatusCode.Created,
                $$"""{"id":"0193c1a0-0000-7000-8000-000000000d02","url":"https://hooks.example/fills","secret":"{{WebhookSecret}}"}""")
            .On(HttpMethod.Get, "notifications/webhooks", HttpStatusCode.OK, Listed);
        var cut = Render<Webhooks>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#webhook-url")));

        cut.Find("#webhook-url").Change("https://hooks.example/fills");
        cut.Find("input[data-type=risk_breach]").Change(true);
        cut.Find("input[data-type=stop_loss]").Change(true);
        cut.Find("input[data-type=order_filled]").Change(true);
        cut.Find("input[data-type=stop_loss]").Change(false);
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("order filled, risk breach;", cut.Find("[data-testid=webhook]").TextContent, StringComparison.Ordinal));
        Assert.Equal("""{"url":"https://hooks.example/fills","notification_types":["order_filled","risk_breach"]}""",
            Api.Single(HttpMethod.Post, "notifications/webhooks").Body);
        Assert.Empty(cut.FindAll("input[data-type]:checked"));
    }

    [Fact]
    public async Task Webhook_SendTest_SaysWhetherTheEndpointTookIt()
    {
        await SignedInAsync();
        const string Listed = """
            [{"id":"0193c1a0-0000-7000-8000-000000000d01","url":"https://hooks.example/rp","notification_types":["risk_breach"],"is_active":true,
              "consecutive_failures":0,"last_success_at":null,"last_failure_at":null,"disabled_at":null,"disabled_reason":null,
              "previous_secret_expires_at":null,"created_at":"2026-01-05T10:00:00Z","updated_at":"2026-01-05T10:00:00Z"}]
            """;
        Api.On(HttpMethod.Get, "notifications/webhooks", HttpStatusCode.OK, Listed)
            .On(HttpMethod.Post, "notifications/webhooks/0193c1a0-0000-7000-8000-000000000d01/test", HttpStatusCode.OK,
                """{"delivered":false,"status_code":503,"error":"The endpoint answered 503.","duration_ms":41}""")
            .On(HttpMethod.Get, "notifications/webhooks", HttpStatusCode.OK, Listed);
        var cut = Render<Webhooks>();
        cut.WaitForAssertion(() => Assert.Contains("risk breach", cut.Find("[data-testid=webhook]").TextContent, StringComparison.Ordinal));

        cut.Button("Send test").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            "https://hooks.example/rp: not delivered (answered 503) — The endpoint answered 503.", cut.Find("[data-testid=webhook-test]").TextContent));
    }
}
