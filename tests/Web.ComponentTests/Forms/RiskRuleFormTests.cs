using System.Net;
using Bunit;
using RiskPlatform.Web.Client;
using RiskPlatform.Web.ComponentTests.Support;
using RiskPlatform.Web.Forms;

namespace RiskPlatform.Web.ComponentTests.Forms;

public sealed class RiskRuleFormTests : WebAppTest
{
    private const string Created = """
        {"id":"0193c1a0-0000-7000-8000-000000000001","user_id":"0193c1a0-0000-7000-8000-0000000000aa","name":"Max order","description":null,
         "rule_type":"max_order_value","threshold_value":1000,"threshold_unit":"dollars","action":"block","is_active":true,"strategy_id":null,
         "symbols":["AAPL"],"params":{"window_seconds":null},"breach_count":0,"last_breach_at":null,
         "created_at":"2026-01-05T10:00:00Z","updated_at":"2026-01-05T10:00:00Z"}
        """;

    [Fact]
    public async Task Submit_WhenTheApiNamesInvalidFields_ShowsEachMessageBesideItsField()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Post, "risk-rules", HttpStatusCode.BadRequest, """
            {"title":"One or more fields are invalid.","status":400,
             "errors":{"name":["'name' must not be empty."],"threshold_value":["'threshold_value' must be greater than '0'."]}}
            """);
        var cut = Render<RiskRuleForm>();

        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("'name' must not be empty.", cut.Find("#rule-name ~ .field-error[data-field=name]").TextContent);
            Assert.Equal("'threshold_value' must be greater than '0'.", cut.Find("#rule-threshold ~ .field-error[data-field=threshold_value]").TextContent);
            Assert.Contains("One or more fields are invalid.", cut.Find(".problem").TextContent, StringComparison.Ordinal);
            Assert.Empty(cut.FindAll(".problem .field-error")); // not repeated in the summary
        });
    }

    [Fact]
    public async Task Submit_WhenTheApiNamesAFieldTheFormDoesNotShow_ShowsItInTheSummary()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Post, "risk-rules", HttpStatusCode.BadRequest, """
            {"title":"One or more fields are invalid.","status":400,"errors":{"strategy_id":["unknown strategy"]}}
            """);
        var cut = Render<RiskRuleForm>();

        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("strategy id: unknown strategy", cut.Find(".problem").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_WithAValidRule_SendsTheWireFieldsAndReportsTheSavedRule()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Post, "risk-rules", HttpStatusCode.Created, Created);
        RiskRule? saved = null;
        var cut = Render<RiskRuleForm>(parameters => parameters.Add(form => form.OnSaved, rule => saved = rule));

        cut.Find("#rule-name").Change("Max order");
        cut.Find("#rule-type").Change("max_order_value");
        cut.Find("#rule-threshold").Change("1000");
        cut.Find("#rule-unit").Change("dollars");
        cut.Find("#rule-action").Change("block");
        cut.Find("#rule-symbols").Change("AAPL, msft");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Equal("Max order", saved!.Name);
        var sent = Api.Single(HttpMethod.Post, "risk-rules");
        Assert.Equal(WebAppTest.AccessToken, sent.BearerToken);
        Assert.Contains("\"rule_type\":\"max_order_value\"", sent.Body, StringComparison.Ordinal);
        Assert.Contains("\"threshold_value\":1000", sent.Body, StringComparison.Ordinal);
        Assert.Contains("\"threshold_unit\":\"dollars\"", sent.Body, StringComparison.Ordinal);
        Assert.Contains("\"symbols\":[\"AAPL\",\"msft\"]", sent.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("params", sent.Body, StringComparison.Ordinal);
        Assert.Equal(string.Empty, cut.Find("#rule-name").GetAttribute("value") ?? string.Empty);
    }

    [Fact]
    public async Task RuleType_WhenOrderRateLimit_AsksForTheWindowAndSendsIt()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Post, "risk-rules", HttpStatusCode.Created, Created);
        var cut = Render<RiskRuleForm>();
        Assert.Empty(cut.FindAll("#rule-window"));

        cut.Find("#rule-type").Change("order_rate_limit");
        cut.Find("#rule-window").Change("60");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("\"params\":{\"window_seconds\":60}", Api.Single(HttpMethod.Post, "risk-rules").Body, StringComparison.Ordinal));
    }
}
