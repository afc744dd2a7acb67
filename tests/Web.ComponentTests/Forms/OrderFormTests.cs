using System.Net;
using Bunit;
using RiskPlatform.Web.ComponentTests.Support;
using RiskPlatform.Web.Forms;

namespace RiskPlatform.Web.ComponentTests.Forms;

public sealed class OrderFormTests : WebAppTest
{
    private static string Order(decimal requested, decimal qty, string decision, string bindingRule = "null") => $$"""
        {"id":"0193c1a0-0000-7000-8000-000000000002","client_order_id":"c1","symbol":"AAPL","side":"buy","type":"market","time_in_force":"day",
         "requested_qty":{{requested}},"qty":{{qty}},"limit_price":null,"strategy_id":null,"status":"filled","broker_order_id":"b1",
         "filled_qty":{{qty}},"average_fill_price":100,"reject_reason":null,"decision":"{{decision}}","binding_rule":{{bindingRule}},
         "alerts":[],"submitted_at":"2026-01-05T10:00:00Z","filled_at":"2026-01-05T10:00:00Z","cancelled_at":null,
         "created_at":"2026-01-05T10:00:00Z","updated_at":"2026-01-05T10:00:00Z"}
        """;

    private async Task<IRenderedComponent<OrderForm>> PlaceAsync(string symbol, string qty)
    {
        await SignedInAsync();
        var cut = Render<OrderForm>();
        cut.Find("#order-symbol").Change(symbol);
        cut.Find("#order-qty").Change(qty);
        await cut.Find("form").SubmitAsync();
        return cut;
    }

    [Fact]
    public async Task CheckFirst_ShowsWhatTheRulesWouldDo_AndPlacesNothing()
    {
        Api.On(HttpMethod.Post, "risk-rules/test", HttpStatusCode.OK, """
            {"symbol":"AAPL","qty":50,"reference_price":100,"outcome":"blocked","would_block":true,"would_warn":false,"would_reduce_to":null,
             "failure_code":null,"reason":"order value 5000 exceeds 1000",
             "breaches":[{"rule_id":"0193c1a0-0000-7000-8000-000000000003","rule_name":"Max order","rule_type":"max_order_value",
                          "threshold":1000,"current_value":5000,"action":"block","message":null}],
             "results":[]}
            """);
        await SignedInAsync();
        var cut = Render<OrderForm>();
        cut.Find("#order-symbol").Change("aapl");
        cut.Find("#order-qty").Change("50");

        await cut.Find("#order-check").ClickAsync(new());

        cut.WaitForAssertion(() =>
        {
            var check = cut.Find("[data-testid=order-check]");
            Assert.Contains("Would be blocked.", check.TextContent, StringComparison.Ordinal);
            Assert.Contains("Max order", check.TextContent, StringComparison.Ordinal);
            Assert.Contains("5,000 against a limit of 1,000", check.TextContent, StringComparison.Ordinal);
            Assert.Contains("Nothing was placed.", check.TextContent, StringComparison.Ordinal);
        });
        var sent = Api.Single(HttpMethod.Post, "risk-rules/test").Body!;
        Assert.Contains("\"order_qty\":50", sent, StringComparison.Ordinal);
        Assert.Contains("\"symbol\":\"AAPL\"", sent, StringComparison.Ordinal);
        Assert.DoesNotContain(Api.Requests, r => r.Path == "orders");
    }

    [Fact]
    public async Task MaxQuantity_ShowsTheLargestOrderAndTheRuleThatBindsIt()
    {
        Api.On(HttpMethod.Get, "risk-rules/max-quantity?symbol=AAPL&side=buy", HttpStatusCode.OK, """
            {"symbol":"AAPL","side":"buy","max_quantity":25,"binding_rule_id":"0193c1a0-0000-7000-8000-000000000003",
             "binding_rule_name":"Position cap","binding_rule_type":"max_position_size","limited_by_reduce_only":false,
             "reference_price":100,"failure_code":null,"binding_trading_state":null}
            """);
        await SignedInAsync();
        var cut = Render<OrderForm>();
        cut.Find("#order-symbol").Change("aapl");

        await cut.Find("#order-max").ClickAsync(new());

        cut.WaitForAssertion(() =>
        {
            var max = cut.Find("[data-testid=order-max]");
            Assert.Contains("At most 25 AAPL", max.TextContent, StringComparison.Ordinal);
            Assert.Contains("Position cap", max.TextContent, StringComparison.Ordinal);
            Assert.Contains("max position size", max.TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Place_WhenRulesBlockTheOrder_ShowsBlockedWithEachRuleAndItsFigures()
    {
        Api.On(HttpMethod.Post, "orders", HttpStatusCode.UnprocessableEntity, """
            {"title":"The order was blocked by risk rules.","status":422,"code":"order_blocked",
             "detail":"The order for AAPL was blocked by 1 risk rule(s): order value 5000 exceeds 1000",
             "breaches":[{"rule_id":"0193c1a0-0000-7000-8000-000000000003","rule_name":"Max order","rule_type":"max_order_value",
                          "observed":5000,"limit":1000,"action":"block","message":"order value 5000 exceeds 1000"}]}
            """);

        var cut = await PlaceAsync("aapl", "50");

        cut.WaitForAssertion(() =>
        {
            var decision = cut.Find("[data-testid=order-decision]");
            Assert.Contains("Blocked.", decision.TextContent, StringComparison.Ordinal);
            Assert.Contains("Max order", decision.TextContent, StringComparison.Ordinal);
            Assert.Contains("5,000 against a limit of 1,000", decision.TextContent, StringComparison.Ordinal);
        });
        Assert.Contains("\"symbol\":\"AAPL\"", Api.Single(HttpMethod.Post, "orders").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Place_WhenARuleReducesTheOrder_ShowsTheReducedQuantityAndTheRule()
    {
        Api.On(HttpMethod.Post, "orders", HttpStatusCode.Created,
            Order(50, 10, "reduced", """{"id":"0193c1a0-0000-7000-8000-000000000003","rule_type":"max_position_size"}"""));

        var cut = await PlaceAsync("AAPL", "50");

        cut.WaitForAssertion(() =>
        {
            var decision = cut.Find("[data-testid=order-decision]").TextContent;
            Assert.Contains("Reduced to 10", decision, StringComparison.Ordinal);
            Assert.Contains("asked 50; bound by a max position size rule", decision, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Place_WhenAccepted_SaysAccepted()
    {
        Api.On(HttpMethod.Post, "orders", HttpStatusCode.Created, Order(5, 5, "accepted"));

        var cut = await PlaceAsync("AAPL", "5");

        cut.WaitForAssertion(() => Assert.Contains("Accepted.", cut.Find("[data-testid=order-decision]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Place_WhenTheQuantityIsInvalid_ShowsTheMessageBesideTheQuantity()
    {
        Api.On(HttpMethod.Post, "orders", HttpStatusCode.BadRequest, """
            {"title":"One or more fields are invalid.","status":400,"errors":{"qty":["'qty' must be greater than '0'."]}}
            """);

        var cut = await PlaceAsync("AAPL", "0");

        cut.WaitForAssertion(() => Assert.Equal("'qty' must be greater than '0'.", cut.Find("#order-qty ~ .field-error").TextContent));
    }
}
