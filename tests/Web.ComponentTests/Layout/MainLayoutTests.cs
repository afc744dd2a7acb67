using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
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
    public void Layout_WhenNoSessionIsStored_SendsTheUserToSignIn()
    {
        Store.Stored = null;

        var cut = RenderLayout();

        cut.WaitForAssertion(() => Assert.EndsWith("/signin", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("nav")); // signed out: no menu, no badge
        Assert.Equal(0, Services.GetRequiredService<OfflineNotificationFeed>().Starts);
    }
}
