using System.Globalization;
using System.Net;
using Bunit;
using RiskPlatform.Web.ComponentTests.Support;
using RiskPlatform.Web.Pages;

namespace RiskPlatform.Web.ComponentTests.Pages;

public sealed class RuleBreachesTests : WebAppTest
{
    private static readonly Guid RuleId = Guid.Parse("0193c1a0-0000-7000-8000-000000000001");

    private const string Rule = """
        {"id":"0193c1a0-0000-7000-8000-000000000001","name":"Drawdown 5%","description":null,"rule_type":"max_drawdown","threshold_value":5,
         "threshold_unit":"percent","action":"close_all","is_active":true,"symbols":[],"params":{"window_seconds":null},"breach_count":51,
         "last_breach_at":"2026-01-05T10:00:00Z","created_at":"2026-01-01T10:00:00Z","updated_at":"2026-01-01T10:00:00Z"}
        """;

    [Fact]
    public async Task History_ShowsEachBreachWithItsEpisodeAndPagesOlderOnes()
    {
        await SignedInAsync();
        var firstPage = string.Join(",", Enumerable.Range(0, 50).Select(i => i == 0 ? MonitorBreach() : PreTradeBreach(i)));
        Api.On(HttpMethod.Get, $"risk-rules/{RuleId}", HttpStatusCode.OK, Rule)
            .On(HttpMethod.Get, $"risk-rules/{RuleId}/breaches?limit=50&offset=0", HttpStatusCode.OK, $"[{firstPage}]")
            .On(HttpMethod.Get, $"risk-rules/{RuleId}/breaches?limit=50&offset=50", HttpStatusCode.OK, $"[{PreTradeBreach(50)}]");
        var cut = Render<RuleBreaches>(parameters => parameters.Add(page => page.Id, RuleId));

        cut.WaitForAssertion(() => Assert.Equal(50, cut.FindAll("[data-testid=breach]").Count));
        Assert.Contains("Drawdown 5%", cut.Find("[data-testid=rule-summary]").TextContent, StringComparison.Ordinal);
        var episode = cut.FindAll("[data-testid=episode]")[0].TextContent;
        Assert.Equal("2026-01-05 10:00:00Z – 2026-01-05 11:30:00Z, ended: back inside margin; worst 7.5 percent; close all at 2026-01-05 10:00:01Z", episode);
        Assert.Equal("— (pre-trade)", cut.FindAll("[data-testid=episode]")[1].TextContent);

        cut.Button("Show older breaches").Click();

        cut.WaitForAssertion(() => Assert.Equal(51, cut.FindAll("[data-testid=breach]").Count));
        Assert.False(cut.HasButton("Show older breaches"));
    }

    [Fact]
    public async Task History_OfAnotherUsersRule_ShowsTheNotFoundProblem()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Get, $"risk-rules/{RuleId}", HttpStatusCode.NotFound,
            """{"title":"Not found.","status":404,"detail":"RiskRule 0193c1a0-0000-7000-8000-000000000001 was not found."}""");
        var cut = Render<RuleBreaches>(parameters => parameters.Add(page => page.Id, RuleId));

        cut.WaitForAssertion(() => Assert.Contains("was not found", cut.Find(".problem").TextContent, StringComparison.Ordinal));
    }

    private static string MonitorBreach() => """
        {"id":"0193c1a0-0000-7000-8000-0000000000b0","rule_id":"0193c1a0-0000-7000-8000-000000000001","rule_name":"Drawdown 5%",
         "rule_type":"max_drawdown","threshold_value":5,"threshold_unit":"percent","current_value":6.1,"limit":5,"action":"close_all",
         "message":"Drawdown 6.1% exceeds 5%","symbol":null,"order_id":null,"source":"monitor","timestamp":"2026-01-05T10:00:00Z",
         "episode_id":"0193c1a0-0000-7000-8000-0000000000e0","episode_started_at":"2026-01-05T10:00:00Z","episode_ended_at":"2026-01-05T11:30:00Z",
         "worst_value":7.5,"action_taken":"close_all","action_taken_at":"2026-01-05T10:00:01Z","end_reason":"back_inside_margin"}
        """;

    private static string PreTradeBreach(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        {"id":"0193c1a0-0000-7000-8000-{{i:D12}}","rule_id":"0193c1a0-0000-7000-8000-000000000001","rule_name":"Drawdown 5%",
         "rule_type":"max_drawdown","threshold_value":5,"threshold_unit":"percent","current_value":5.5,"limit":5,"action":"close_all",
         "message":null,"symbol":"AAPL","order_id":null,"source":"pre_trade","timestamp":"2026-01-04T10:00:00Z","episode_id":null}
        """);
}
