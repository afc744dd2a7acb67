using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Web.Client;
using RiskPlatform.Web.ComponentTests.Support;
using RiskPlatform.Web.Layout;

namespace RiskPlatform.Web.ComponentTests.Layout;

public sealed class MainLayoutTests : WebAppTest
{
    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(parameters => parameters.Add(layout => layout.Body, (RenderFragment)(body => body.AddContent(0, "the page"))));

    [Fact]
    public void UnreadBadge_WhenTheHubReportsACount_UpdatesWithoutANewPage()
    {
        var cut = RenderLayout();
        cut.WaitForAssertion(() => Assert.Contains("the page", cut.Markup, StringComparison.Ordinal));
        Assert.Equal(1, Services.GetRequiredService<OfflineNotificationFeed>().Starts);
        Assert.Empty(cut.FindAll("[data-testid=unread-badge]"));

        Services.GetRequiredService<OfflineNotificationFeed>().SetUnread(3);
        cut.WaitForAssertion(() => Assert.Equal("3", cut.Find("[data-testid=unread-badge]").TextContent));

        Services.GetRequiredService<OfflineNotificationFeed>().SetUnread(0);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=unread-badge]")));
    }

    [Fact]
    public void Toast_ForAnUrgentPushedNotification_ShowsUntilDismissedAndNotForALowerPriority()
    {
        var cut = RenderLayout();
        cut.WaitForAssertion(() => Assert.Contains("the page", cut.Markup, StringComparison.Ordinal));
        var feed = Services.GetRequiredService<OfflineNotificationFeed>();

        feed.Receive(Pushed("Order filled", "high"));
        feed.Receive(Pushed("Trading halted: daily loss", "urgent"));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=toast]")));
        Assert.Contains("Trading halted: daily loss", cut.Find("[data-testid=toast]").TextContent, StringComparison.Ordinal);
        Assert.Equal("alert", cut.Find("[data-testid=toast]").GetAttribute("role"));

        cut.Find("[data-testid=toast] button").Click();
        Assert.Empty(cut.FindAll("[data-testid=toast]"));
    }

    private static Notification Pushed(string title, string priority) =>
        new(Guid.NewGuid(), "risk_breach", priority, title, "message", false, null, DateTime.UtcNow);

    [Fact]
    public void Layout_WhenNoSessionIsStored_SendsTheUserToSignIn()
    {
        Store.Stored = null;

        var cut = RenderLayout();

        cut.WaitForAssertion(() => Assert.EndsWith("/signin", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("nav")); // signed out: no menu, no badge
        Assert.Equal(0, Services.GetRequiredService<OfflineNotificationFeed>().Starts);
    }
}
