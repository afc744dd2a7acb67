using System.Net;
using Bunit;
using RiskPlatform.Web.ComponentTests.Support;
using RiskPlatform.Web.Pages;

namespace RiskPlatform.Web.ComponentTests.Pages;

public sealed class BacktestTests : WebAppTest
{
    private const string Result = """
        {"simulated":true,"note":"Simulation only: nothing was written to your account.",
         "inputs":{"from":"2026-01-05","to":"2026-01-06","starting_cash":100000,"orders":2,"symbols":["AAPL"],"trading_days":2,
                   "rules_source":"account","rules":1,"price_source":"stored daily bars","assumptions":["Days are New York dates."],
                   "limits":{"max_orders":10000,"max_symbols":500,"max_rules":50,"max_range_days":1830}},
         "rules":[{"index":0,"rule_id":null,"name":"Max order value","rule_type":"max_order_value","threshold_value":1000,"threshold_unit":"dollars",
                   "action":"block","hits":1,"pre_trade_hits":1,"monitor_hits":0,"first_hit":"2026-01-06","last_hit":"2026-01-06"}],
         "orders":[
           {"index":0,"date":"2026-01-05","symbol":"AAPL","side":"buy","qty":5,"type":"market","limit_price":null,"decision":"accepted",
            "approved_qty":5,"filled_qty":5,"fill_price":100,"status":"filled","failure_code":null,"reason":null,"breaches":[]},
           {"index":1,"date":"2026-01-06","symbol":"AAPL","side":"buy","qty":50,"type":"market","limit_price":null,"decision":"blocked",
            "approved_qty":0,"filled_qty":0,"fill_price":null,"status":"blocked","failure_code":"RISK_BLOCKED","reason":null,
            "breaches":[{"rule_index":0,"rule_id":null,"rule_name":"Max order value","rule_type":"max_order_value","action":"block",
                         "observed":5000,"limit":1000,"reason":"Order value 5000 exceeds 1000"}]}],
         "monitor_events":[],
         "with_rules":{"final_equity":100050,"total_return_percent":0.05,"max_drawdown_percent":0,"worst_day":null,"final_trading_state":"active",
                       "orders_filled":1,"orders_not_filled":1,"curve":[{"date":"2026-01-05","equity":100000,"drawdown_percent":0},{"date":"2026-01-06","equity":100050,"drawdown_percent":0}]},
         "without_rules":{"final_equity":100550,"total_return_percent":0.55,"max_drawdown_percent":0,"worst_day":null,"final_trading_state":"active",
                          "orders_filled":2,"orders_not_filled":0,"curve":[{"date":"2026-01-05","equity":100000,"drawdown_percent":0},{"date":"2026-01-06","equity":100550,"drawdown_percent":0}]}}
        """;

    [Fact]
    public async Task Run_UploadsTheOrdersAsCsvAndShowsBothRunsAndWhyAnOrderWasBlocked()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Post, "risk-rules/backtest", HttpStatusCode.OK, Result);
        var cut = Render<Backtest>();

        cut.Find("#backtest-orders").Change("date,symbol,side,qty\n2026-01-05,AAPL,buy,5\n2026-01-06,AAPL,buy,50\n");
        cut.Find("#backtest-cash").Change("100000");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=backtest-run]").Count));
        var runs = cut.FindAll("[data-testid=backtest-run]").Select(r => r.TextContent).ToList();
        Assert.Contains("$100,050.00", runs[0], StringComparison.Ordinal);
        Assert.Contains("$100,550.00", runs[1], StringComparison.Ordinal);
        var blocked = cut.FindAll("[data-testid=backtest-order]")[1].TextContent;
        Assert.Contains("blocked", blocked, StringComparison.Ordinal);
        Assert.Contains("Max order value: Order value 5000 exceeds 1000", blocked, StringComparison.Ordinal);
        var chart = cut.Find("[data-testid=backtest-chart]");
        Assert.Equal("100050", chart.GetAttribute("data-last-equity"));
        Assert.Equal("0,138 600,125.6", chart.QuerySelector("polyline.equity")!.GetAttribute("points"));
        Assert.Equal("0,138 600,2", chart.QuerySelector("polyline.comparison")!.GetAttribute("points"));
        var marker = Assert.Single(chart.QuerySelectorAll("line.marker"));
        Assert.Equal(("marker blocked", "600", "2026-01-06: buy 50 AAPL blocked by Max order value"), (marker.GetAttribute("class"), marker.GetAttribute("x1"), marker.TextContent));
        var upload = Api.Single(HttpMethod.Post, "risk-rules/backtest").Body!;
        Assert.Contains("name=orders; filename=orders.csv", upload, StringComparison.Ordinal);
        Assert.Contains("2026-01-06,AAPL,buy,50", upload, StringComparison.Ordinal);
        Assert.Contains("name=starting_cash", upload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithDraftRules_SendsThemInsteadOfTheAccountsAndShowsAProblemBesideItsDraft()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Post, "risk-rules/backtest", HttpStatusCode.BadRequest, """
                {"title":"One or more fields are invalid.","status":400,"errors":{"rules[1].threshold_value":["'Threshold Value' must be greater than '0'."]}}
                """)
            .On(HttpMethod.Post, "risk-rules/backtest", HttpStatusCode.OK, Result.Replace("\"rules_source\":\"account\"", "\"rules_source\":\"draft\"", StringComparison.Ordinal));
        var cut = Render<Backtest>();
        cut.Find("#backtest-orders").Change("date,symbol,side,qty\n2026-01-05,AAPL,buy,5\n");
        cut.FindAll("input[name=backtest-rules]")[1].Change(true);
        Assert.True(cut.Button("Run backtest").HasAttribute("disabled"));

        await AddDraftAsync(cut, "Cap orders", "max_order_value", "1000", "dollars", "AAPL");
        await AddDraftAsync(cut, "Nothing allowed", "max_position_size", "0", "percent", "");
        Assert.Equal(2, cut.FindAll("[data-testid=draft-rule]").Count);
        Assert.Empty(Api.Requests); // drafts are not saved
        await cut.Find("form.backtest-form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("must be greater than '0'", cut.FindAll("[data-testid=draft-rule]")[1].TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("must be greater", cut.Find("form.backtest-form .problem").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("must be greater", cut.FindAll("[data-testid=draft-rule]")[0].TextContent, StringComparison.Ordinal);
        cut.Find("[aria-label='Remove draft 2']").Click();
        await cut.Find("form.backtest-form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("With the draft rules", cut.FindAll("[data-testid=backtest-run]")[0].TextContent, StringComparison.Ordinal));
        var upload = Api.Requests.Last().Body!;
        Assert.Contains("name=rules", upload, StringComparison.Ordinal);
        Assert.Contains("""[{"name":"Cap orders","rule_type":"max_order_value","threshold_value":1000,"threshold_unit":"dollars","action":"alert","symbols":["AAPL"]""",
            upload, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing allowed", upload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithTheAccountsRules_SendsNoRulesField()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Post, "risk-rules/backtest", HttpStatusCode.OK, Result);
        var cut = Render<Backtest>();
        cut.FindAll("input[name=backtest-rules]")[1].Change(true);
        await AddDraftAsync(cut, "Cap orders", "max_order_value", "1000", "dollars", "");
        cut.FindAll("input[name=backtest-rules]")[0].Change(true);

        await cut.Find("form.backtest-form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("With your rules", cut.FindAll("[data-testid=backtest-run]")[0].TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("name=rules", Api.Single(HttpMethod.Post, "risk-rules/backtest").Body!, StringComparison.Ordinal);
    }

    private static async Task AddDraftAsync(IRenderedComponent<Backtest> cut, string name, string type, string threshold, string unit, string symbols)
    {
        cut.Find("#rule-name").Change(name);
        cut.Find("#rule-type").Change(type);
        cut.Find("#rule-threshold").Change(threshold);
        cut.Find("#rule-unit").Change(unit);
        cut.Find("#rule-symbols").Change(symbols);
        await cut.Find("form.rule-form").SubmitAsync();
    }

    [Fact]
    public async Task Run_WithBadOrders_ShowsEachProblemBesideTheOrders()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Post, "risk-rules/backtest", HttpStatusCode.BadRequest, """
            {"title":"One or more fields are invalid.","status":400,"errors":{"orders":["line 2: 'buy!' is not a side."],
             "orders[0].symbol":["ZZZZ has no stored bars between 2026-01-05 and 2026-01-06."],"starting_cash":["must be greater than 0"]}}
            """);
        var cut = Render<Backtest>();

        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll(".field-error").Count));
        Assert.Equal("line 2: 'buy!' is not a side.", cut.Find("#backtest-orders ~ .field-error[data-field=orders]").TextContent);
        Assert.Contains("ZZZZ has no stored bars", cut.Find("#backtest-orders ~ .field-error[data-field='orders[0].symbol']").TextContent, StringComparison.Ordinal);
        Assert.Equal("must be greater than 0", cut.Find("#backtest-cash ~ .field-error").TextContent);
    }

    [Fact]
    public async Task Run_WhenTheServiceMakesItAJob_PollsUntilItSucceedsAndShowsTheResult()
    {
        await SignedInAsync();
        Backtest.PollInterval = TimeSpan.FromMilliseconds(10);
        const string id = "0193c1a0-0000-7000-8000-000000000b01";
        Api.On(HttpMethod.Post, "risk-rules/backtest", HttpStatusCode.Accepted,
                $$"""{"id":"{{id}}","status":"queued","submitted_at":"2026-01-05T10:00:00Z","error":null,"result":null}""")
            .On(HttpMethod.Get, $"risk-rules/backtest/{id}", HttpStatusCode.OK,
                $$"""{"id":"{{id}}","status":"running","submitted_at":"2026-01-05T10:00:00Z","error":null,"result":null}""")
            .On(HttpMethod.Get, $"risk-rules/backtest/{id}", HttpStatusCode.OK,
                $$"""{"id":"{{id}}","status":"succeeded","submitted_at":"2026-01-05T10:00:00Z","error":null,"result":{{Result}}}""");
        var cut = Render<Backtest>();

        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=backtest-run]").Count));
        Assert.Equal(2, Api.Requests.Count(r => r.Path == $"risk-rules/backtest/{id}"));
        Assert.Empty(cut.FindAll("[data-testid=backtest-job]"));
    }
}
