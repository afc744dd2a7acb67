using System.Net;
using Bunit;
using RiskPlatform.Web.ComponentTests.Support;
using RiskPlatform.Web.Pages;

namespace RiskPlatform.Web.ComponentTests.Pages;

public sealed class BrokerKeysTests : WebAppTest
{
    private const string KeyId = "0193c1a0-0000-7000-8000-000000000004";

    private const string Keys = $$"""
        [{"id":"{{KeyId}}","broker":"alpaca","name":"Alpaca paper","description":null,"is_paper_trading":true,
          "is_default":false,"status":"active","key_hint":"PK…7890","secret_hint":"…6789","usage_count":3,"last_used_at":null,
          "last_verified_at":null,"last_rotated_at":null,"revoked_at":null,"created_at":"2026-01-05T10:00:00Z"}]
        """;

    private const string Paper = """{"source":"paper","api_key_id":null,"broker":"paper","is_paper_trading":true,"status":"active","reason":null,"since":null,"updated_at":null}""";

    private const string BoundToKey = $$"""
        {"source":"api_key","api_key_id":"{{KeyId}}","broker":"alpaca","is_paper_trading":true,"status":"active","reason":null,"since":"2026-01-05T10:05:00Z","updated_at":"2026-01-05T10:05:00Z"}
        """;

    [Fact]
    public async Task TradingAccount_ChoosingAKey_BindsItAndARefusalShowsWhy()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Get, "api-keys", HttpStatusCode.OK, Keys).On(HttpMethod.Get, "trading/account", HttpStatusCode.OK, Paper)
            .On(HttpMethod.Put, "trading/account", HttpStatusCode.Conflict,
                """{"title":"Conflict.","status":409,"detail":"Cancel your open orders before switching the trading account.","code":"trading_account.open_orders"}""")
            .On(HttpMethod.Put, "trading/account", HttpStatusCode.OK, BoundToKey);
        var cut = Render<BrokerKeys>();
        cut.WaitForAssertion(() => Assert.Contains("the paper broker", cut.Find("[data-testid=trading-account]").TextContent, StringComparison.Ordinal));

        cut.Find("#account-choice").Change(KeyId);
        await cut.Find("form[aria-label='Choose the trading account']").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Contains("Cancel your open orders", cut.Find(".problem").TextContent, StringComparison.Ordinal));
        await cut.Find("form[aria-label='Choose the trading account']").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("Alpaca paper (alpaca)", cut.Find("[data-testid=trading-account]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll(".problem"));
        Assert.Equal($$"""{"source":"api_key","api_key_id":"{{KeyId}}"}""", Api.Requests.Last(r => r.Method == HttpMethod.Put).Body);
    }

    [Fact]
    public async Task History_ShowsTheKeysAuditTrailWithItsFailures()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Get, "api-keys", HttpStatusCode.OK, Keys).On(HttpMethod.Get, "trading/account", HttpStatusCode.OK, Paper)
            .On(HttpMethod.Get, $"api-keys/{KeyId}/audit-logs?limit=20", HttpStatusCode.OK, $$"""
                [{"id":"0193c1a0-0000-7000-8000-000000000a02","api_key_id":"{{KeyId}}","user_id":null,"action":"verify","description":"Verified with the broker",
                  "ip_address":"203.0.113.7","user_agent":null,"success":false,"error_message":"401 from the broker","created_at":"2026-01-05T11:00:00Z"},
                 {"id":"0193c1a0-0000-7000-8000-000000000a01","api_key_id":"{{KeyId}}","user_id":null,"action":"create","description":"Key added",
                  "ip_address":null,"user_agent":null,"success":true,"error_message":null,"created_at":"2026-01-05T10:00:00Z"}]
                """);
        var cut = Render<BrokerKeys>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("tr[data-key='Alpaca paper']")));

        cut.Button("History").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=key-audit] li").Count));
        var failed = cut.Find("[data-testid=key-audit] li.failed").TextContent;
        Assert.Contains("failed: 401 from the broker", failed, StringComparison.Ordinal);
        Assert.Contains("from 203.0.113.7", failed, StringComparison.Ordinal);
        cut.Button("History").Click();
        Assert.Empty(cut.FindAll("[data-testid=key-audit]"));
    }
}
