using System.Globalization;
using System.Net;
using Bunit;
using RiskPlatform.Web.ComponentTests.Support;
using Microsoft.JSInterop;
using RiskPlatform.Web.Pages;
using RiskPlatform.Web.Shared;

namespace RiskPlatform.Web.ComponentTests.Pages;

public sealed class NotificationsTests : WebAppTest
{
    private static string Id(int i) => string.Create(CultureInfo.InvariantCulture, $"0193c1a0-0000-7000-8000-{i:D12}");

    private static string Page(int from, int count, string priority = "high") => "[" + string.Join(",", Enumerable.Range(from, count).Select(i =>
        string.Create(CultureInfo.InvariantCulture, $$"""
            {"id":"{{Id(i)}}","type":"risk_breach","priority":"{{priority}}","title":"Breach {{i}}","message":"m","is_read":false,"read_at":null,"created_at":"2026-01-05T10:00:00Z"}
            """))) + "]";

    [Fact]
    public async Task Filters_AskTheApiForTheChosenReadStateTypeAndPriority()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Get, "notifications?limit=50", HttpStatusCode.OK, Page(1, 2))
            .On(HttpMethod.Get, "notifications?limit=50&is_read=false", HttpStatusCode.OK, Page(1, 2))
            .On(HttpMethod.Get, "notifications?limit=50&is_read=false&type=trading_halted", HttpStatusCode.OK, "[]")
            .On(HttpMethod.Get, "notifications?limit=50&is_read=false&type=trading_halted&priority=urgent", HttpStatusCode.OK, Page(7, 1, "urgent"));
        var cut = Render<Notifications>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=notification]").Count));

        cut.Find("#filter-read").Change("unread");
        cut.Find("#filter-type").Change("trading_halted");
        cut.WaitForAssertion(() => Assert.Equal("No notifications match these filters.", cut.Find(".empty").TextContent));
        cut.Find("#filter-priority").Change("urgent");

        cut.WaitForAssertion(() => Assert.Contains("Breach 7", cut.Find("[data-testid=notification]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ShowOlder_AsksForThePageBeforeTheOldestShownAndAppendsIt()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Get, "notifications?limit=50", HttpStatusCode.OK, Page(1, 50))
            .On(HttpMethod.Get, $"notifications?limit=50&before={Id(50)}", HttpStatusCode.OK, Page(51, 3));
        var cut = Render<Notifications>();
        cut.WaitForAssertion(() => Assert.Equal(50, cut.FindAll("[data-testid=notification]").Count));

        cut.Button("Show older").Click();

        cut.WaitForAssertion(() => Assert.Equal(53, cut.FindAll("[data-testid=notification]").Count));
        Assert.False(cut.HasButton("Show older"));
    }

    [Fact]
    public async Task ScrollingToTheEnd_LoadsOlderPagesThroughOneObserverAndStopsItWhenNoneAreLeft()
    {
        await SignedInAsync();
        var scroll = JSInterop.SetupModule(ListEnd.ModulePath);
        var observer = scroll.SetupModule("observe", _ => true);
        observer.SetupVoid("dispose").SetVoidResult();
        Api.On(HttpMethod.Get, "notifications?limit=50", HttpStatusCode.OK, Page(1, 50))
            .On(HttpMethod.Get, $"notifications?limit=50&before={Id(50)}", HttpStatusCode.OK, Page(51, 50))
            .On(HttpMethod.Get, $"notifications?limit=50&before={Id(100)}", HttpStatusCode.OK, Page(101, 2));
        var cut = Render<Notifications>();
        cut.WaitForAssertion(() => Assert.Equal(50, cut.FindAll("[data-testid=notification]").Count));
        cut.WaitForState(() => JSInterop.Invocations["observe"].Count == 1);
        var observed = JSInterop.Invocations["observe"][0];
        observed.Arguments[0].ShouldBeElementReferenceTo(cut.Find("[data-testid=list-end]"));
        var end = Assert.IsType<DotNetObjectReference<ListEnd>>(observed.Arguments[1]).Value;

        await cut.InvokeAsync(end.EndVisibleAsync);
        cut.WaitForAssertion(() => Assert.Equal(100, cut.FindAll("[data-testid=notification]").Count));
        await cut.InvokeAsync(end.EndVisibleAsync);
        cut.WaitForAssertion(() => Assert.Equal(102, cut.FindAll("[data-testid=notification]").Count));

        Assert.Empty(cut.FindAll("[data-testid=list-end]"));
        Assert.False(cut.HasButton("Show older"));
        cut.WaitForAssertion(() => Assert.Single(JSInterop.Invocations["dispose"]));
        Assert.Single(JSInterop.Invocations["observe"]);
        Assert.Equal(3, Api.Requests.Count(r => r.Path.StartsWith("notifications?", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Filter_WithMorePagesAgain_WatchesTheNewListsEndWithANewObserver()
    {
        await SignedInAsync();
        var scroll = JSInterop.SetupModule(ListEnd.ModulePath);
        scroll.SetupModule("observe", _ => true).SetupVoid("dispose").SetVoidResult();
        Api.On(HttpMethod.Get, "notifications?limit=50", HttpStatusCode.OK, Page(1, 50))
            .On(HttpMethod.Get, "notifications?limit=50&priority=high", HttpStatusCode.OK, Page(1, 50));
        var cut = Render<Notifications>();
        cut.WaitForState(() => JSInterop.Invocations["observe"].Count == 1);

        cut.Find("#filter-priority").Change("high");

        cut.WaitForState(() => JSInterop.Invocations["observe"].Count == 2);
        Assert.Single(JSInterop.Invocations["dispose"]);
    }

    [Fact]
    public async Task ClearRead_OnlyAfterConfirming_DeletesTheReadOnesAndSaysHowMany()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Get, "notifications?limit=50", HttpStatusCode.OK, Page(1, 2))
            .On(HttpMethod.Delete, "notifications/clear-all", HttpStatusCode.OK, """{"message":"Cleared","count":4}""")
            .On(HttpMethod.Get, "notifications/stats", HttpStatusCode.OK, """{"total_unread":2,"recent_count":2}""")
            .On(HttpMethod.Get, "notifications?limit=50", HttpStatusCode.OK, Page(1, 2));
        var cut = Render<Notifications>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=notification]").Count));

        cut.Button("Clear read…").Click();
        Assert.DoesNotContain(Api.Requests, r => r.Path == "notifications/clear-all");
        cut.Button("Delete every read notification").Click();

        cut.WaitForAssertion(() => Assert.Equal("4 read notifications deleted.", cut.Find(".notice").TextContent));
        Api.Single(HttpMethod.Delete, "notifications/clear-all");
    }
}
