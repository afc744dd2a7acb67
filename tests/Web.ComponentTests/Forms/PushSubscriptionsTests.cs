using System.Net;
using Bunit;
using RiskPlatform.Web.Browser;
using RiskPlatform.Web.Client;
using RiskPlatform.Web.ComponentTests.Support;
using RiskPlatform.Web.Forms;

namespace RiskPlatform.Web.ComponentTests.Forms;

/// <summary>The browser push section: push.js stands in for the browser (bUnit's module interop), the API is stubbed.</summary>
public sealed class PushSubscriptionsTests : WebAppTest
{
    private const string Endpoint = "https://fcm.googleapis.com/fcm/send/this-browser";
    private const string OtherEndpoint = "https://updates.push.services.mozilla.com/wpush/v2/other-browser";
    private const string VapidKey = "BDd3_hVL9fZi9Ybo2UUzA284WG5FZR30_95YeZJsiApwXKpNcF1rRPF3foIiBHXRdJI2Qhumhf6_LFTeZaNndIo";
    private const string P256dh = "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM";
    private const string Auth = "tBHItJI5svbpez7KI4CCXg";

    private readonly BunitJSModuleInterop _push;

    public PushSubscriptionsTests() => _push = JSInterop.SetupModule(BrowserPush.ModulePath);

    private static string Subscription(string id, string endpoint) => $$"""
        {"id":"0193c1a0-0000-7000-8000-{{id}}","endpoint":"{{endpoint}}","created_at":"2026-01-05T10:00:00Z","updated_at":"2026-01-05T10:00:00Z","last_success_at":null}
        """;

    private void Browser(string permission, string? endpoint = null, bool supported = true) =>
        _push.Setup<BrowserPushState>("state").SetResult(new BrowserPushState(supported, permission, endpoint));

    /// <summary>This browser not subscribed, no subscription listed, and the service's key ready for "Turn on".</summary>
    private StubApi NotSubscribedYet()
    {
        Browser("default");
        return Api.On(HttpMethod.Get, "notifications/push-subscriptions", HttpStatusCode.OK, "[]")
            .On(HttpMethod.Get, "notifications/push-subscriptions/vapid-public-key", HttpStatusCode.OK, $$"""{"public_key":"{{VapidKey}}"}""");
    }

    /// <summary>The person allows notifications and the browser's push service gives this subscription.</summary>
    private void BrowserSubscribesWhenAsked() =>
        _push.Setup<BrowserPushSubscribed>("subscribe", VapidKey).SetResult(
            new BrowserPushSubscribed("granted", new PushSubscriptionRequest(Endpoint, new PushSubscriptionKeys(P256dh, Auth))));

    private IRenderedComponent<PushSubscriptions> Rendered(string expectedState)
    {
        var cut = Render<PushSubscriptions>();
        cut.WaitForAssertion(() => Assert.Equal(expectedState, cut.Find("[data-testid=push-state]").GetAttribute("data-state")));
        return cut;
    }

    [Fact]
    public async Task Unsupported_SaysWhyOffersNoButtonAndStillListsOtherBrowsers()
    {
        await SignedInAsync();
        Browser("unsupported", supported: false);
        Api.On(HttpMethod.Get, "notifications/push-subscriptions", HttpStatusCode.OK, $"[{Subscription("000000000e02", OtherEndpoint)}]");

        var cut = Rendered("unsupported");

        Assert.Contains("cannot receive push notifications", cut.Find("[data-testid=push-state]").TextContent, StringComparison.Ordinal);
        Assert.False(cut.HasButton("Turn on in this browser"));
        Assert.Contains("updates.push.services.mozilla.com", cut.Find("[data-testid=push-subscription]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("this browser", cut.Find("[data-testid=push-subscription]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Denied_SaysWhereToAllowThemAndOffersNoButton()
    {
        await SignedInAsync();
        Browser("denied");
        Api.On(HttpMethod.Get, "notifications/push-subscriptions", HttpStatusCode.OK, "[]");

        var cut = Rendered("denied");

        Assert.Contains("blocked in this browser's settings", cut.Find("[data-testid=push-state]").TextContent, StringComparison.Ordinal);
        Assert.False(cut.HasButton("Turn on in this browser"));
        Assert.False(cut.HasButton("Turn off in this browser"));
        Assert.Equal("No browser is subscribed.", cut.Find(".empty").TextContent);
    }

    [Fact]
    public async Task TurnOn_SubscribesWithTheServicesKeyPostsTheBrowsersSubscriptionAndShowsThisBrowserSubscribed()
    {
        await SignedInAsync();
        NotSubscribedYet()
            .On(HttpMethod.Post, "notifications/push-subscriptions", HttpStatusCode.Created, Subscription("000000000e01", Endpoint))
            .On(HttpMethod.Get, "notifications/push-subscriptions", HttpStatusCode.OK,
                $"[{Subscription("000000000e01", Endpoint)},{Subscription("000000000e02", OtherEndpoint)}]");
        BrowserSubscribesWhenAsked();
        var cut = Rendered("off");

        Browser("granted", Endpoint);
        cut.Button("Turn on in this browser").Click();

        cut.WaitForAssertion(() => Assert.Equal("subscribed", cut.Find("[data-testid=push-state]").GetAttribute("data-state")));
        Assert.Equal($$$"""{"endpoint":"{{{Endpoint}}}","keys":{"p256dh":"{{{P256dh}}}","auth":"{{{Auth}}}"}}""",
            Api.Single(HttpMethod.Post, "notifications/push-subscriptions").Body);
        var rows = cut.FindAll("[data-testid=push-subscription]");
        Assert.Equal(2, rows.Count);
        Assert.Contains("fcm.googleapis.com (this browser)", rows[0].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("this browser", rows[1].TextContent, StringComparison.Ordinal);
        Assert.True(cut.HasButton("Turn off in this browser"));
    }

    [Fact]
    public async Task TurnOn_WhenThePersonBlocksThePrompt_PostsNothingAndSaysTheyAreBlocked()
    {
        await SignedInAsync();
        NotSubscribedYet()
            .On(HttpMethod.Get, "notifications/push-subscriptions", HttpStatusCode.OK, "[]");
        _push.Setup<BrowserPushSubscribed>("subscribe", VapidKey).SetResult(new BrowserPushSubscribed("denied", null));
        var cut = Rendered("off");

        Browser("denied");
        cut.Button("Turn on in this browser").Click();

        cut.WaitForAssertion(() => Assert.Equal("denied", cut.Find("[data-testid=push-state]").GetAttribute("data-state")));
        Assert.DoesNotContain(Api.Requests, request => request.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task TurnOn_WhenTheApiRefusesTheEndpoint_EndsTheBrowsersSubscriptionAndShowsWhy()
    {
        await SignedInAsync();
        NotSubscribedYet()
            .On(HttpMethod.Post, "notifications/push-subscriptions", HttpStatusCode.BadRequest,
                """{"title":"One or more fields are invalid.","status":400,"errors":{"endpoint":["Push endpoints may not point at private or loopback addresses."]}}""")
            .On(HttpMethod.Get, "notifications/push-subscriptions", HttpStatusCode.OK, "[]");
        BrowserSubscribesWhenAsked();
        var unsubscribe = _push.Setup<string?>("unsubscribe");
        unsubscribe.SetResult(Endpoint);
        var cut = Rendered("off");

        Browser("granted");
        cut.Button("Turn on in this browser").Click();

        cut.WaitForAssertion(() => Assert.Contains("Push endpoints may not point at private or loopback addresses.", cut.Find(".problem").TextContent, StringComparison.Ordinal));
        unsubscribe.VerifyInvoke("unsubscribe");
        Assert.Equal("off", cut.Find("[data-testid=push-state]").GetAttribute("data-state"));
    }

    [Fact]
    public async Task TurnOff_RemovesTheSubscriptionFromTheApiByItsEndpointThenEndsItInTheBrowser()
    {
        await SignedInAsync();
        Browser("granted", Endpoint);
        Api.On(HttpMethod.Get, "notifications/push-subscriptions", HttpStatusCode.OK, $"[{Subscription("000000000e01", Endpoint)}]")
            .On(HttpMethod.Delete, "notifications/push-subscriptions", HttpStatusCode.NoContent)
            .On(HttpMethod.Get, "notifications/push-subscriptions", HttpStatusCode.OK, "[]");
        var unsubscribe = _push.Setup<string?>("unsubscribe");
        unsubscribe.SetResult(Endpoint);
        var cut = Rendered("subscribed");

        Browser("granted");
        cut.Button("Turn off in this browser").Click();

        cut.WaitForAssertion(() => Assert.Equal("off", cut.Find("[data-testid=push-state]").GetAttribute("data-state")));
        Assert.Equal($$"""{"endpoint":"{{Endpoint}}"}""", Api.Single(HttpMethod.Delete, "notifications/push-subscriptions").Body);
        unsubscribe.VerifyInvoke("unsubscribe");
        Assert.Equal("No browser is subscribed.", cut.Find(".empty").TextContent);
    }

    [Fact]
    public async Task Remove_AnotherBrowser_DeletesItByIdAndLeavesThisBrowsersSubscriptionAlone()
    {
        await SignedInAsync();
        Browser("granted", Endpoint);
        Api.On(HttpMethod.Get, "notifications/push-subscriptions", HttpStatusCode.OK,
                $"[{Subscription("000000000e01", Endpoint)},{Subscription("000000000e02", OtherEndpoint)}]")
            .On(HttpMethod.Delete, "notifications/push-subscriptions/0193c1a0-0000-7000-8000-000000000e02", HttpStatusCode.NoContent)
            .On(HttpMethod.Get, "notifications/push-subscriptions", HttpStatusCode.OK, $"[{Subscription("000000000e01", Endpoint)}]");
        var unsubscribe = _push.Setup<string?>("unsubscribe");
        var cut = Rendered("subscribed");

        cut.FindAll("[data-testid=push-subscription]")[1].QuerySelector("button")!.Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=push-subscription]")));
        Api.Single(HttpMethod.Delete, "notifications/push-subscriptions/0193c1a0-0000-7000-8000-000000000e02");
        Assert.Empty(unsubscribe.Invocations);
        Assert.Equal("subscribed", cut.Find("[data-testid=push-state]").GetAttribute("data-state"));
    }
}
