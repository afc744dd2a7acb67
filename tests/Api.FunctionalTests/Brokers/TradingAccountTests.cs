using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Trading;
using static RiskPlatform.Api.FunctionalTests.ApiKeys.ApiKeyTestData;
using static RiskPlatform.Api.FunctionalTests.Brokers.AlpacaTrading;

namespace RiskPlatform.Api.FunctionalTests.Brokers;

/// <summary>GET/PUT /api/v1/trading/account: which broker backs the caller's trading.</summary>
public abstract class TradingAccountTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    [Fact]
    public async Task Get_WhenNeverBound_IsActivePaper()
    {
        using var client = await SignedInAsync();

        var account = (await client.GetAsync(AccountRoute)).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal("paper", account["source"]!.GetValue<string>());
        Assert.Equal("paper", account["broker"]!.GetValue<string>());
        Assert.True(account["is_paper_trading"]!.GetValue<bool>());
        Assert.Equal("active", account["status"]!.GetValue<string>());
        Assert.Null(account["api_key_id"]);
        Assert.Null(account["reason"]);
    }

    [Fact]
    public async Task Put_AnAlpacaKey_BindsItAndAuditsTheChange()
    {
        using var client = await SignedInAsync();
        var id = IdOf(await CreateAsync(client, "alpaca main"));

        var bound = (await client.PutAsync(AccountRoute, new { source = "api_key", api_key_id = id })).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal(("api_key", id, "alpaca", true, "active"), (
            bound["source"]!.GetValue<string>(), bound["api_key_id"]!.GetValue<Guid>(), bound["broker"]!.GetValue<string>(),
            bound["is_paper_trading"]!.GetValue<bool>(), bound["status"]!.GetValue<string>()));
        Assert.NotNull(bound["since"]);
        Assert.NotNull(bound["updated_at"]);
        var read = (await client.GetAsync(AccountRoute)).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(id, read["api_key_id"]!.GetValue<Guid>());
        Assert.Equal(1, await Fixture.CountAsync(
            "SELECT COUNT(*) FROM audit_logs WHERE resource_type = 'broker_binding' AND action = 'SetTradingAccount' AND outcome = 'succeeded'"));

        var paper = (await client.PutAsync(AccountRoute, new { source = "paper" })).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(("paper", "paper"), (paper["source"]!.GetValue<string>(), paper["broker"]!.GetValue<string>()));
        Assert.Equal(1, await Fixture.CountAsync("SELECT COUNT(*) FROM broker_bindings"));
    }

    [Fact]
    public async Task Put_AnotherUsersKey_Is404AndAuditedAsDenied()
    {
        using var owner = await SignedInAsync();
        using var intruder = await SignedInAsync();
        var id = IdOf(await CreateAsync(owner, "owner's key"));

        (await intruder.PutAsync(AccountRoute, new { source = "api_key", api_key_id = id })).EnsureProblem(HttpStatusCode.NotFound);

        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM broker_bindings"));
        Assert.Equal(1, await Fixture.CountAsync("SELECT COUNT(*) FROM audit_logs WHERE action = 'SetTradingAccount' AND outcome = 'denied'"));
    }

    [Theory]
    [InlineData("revoked", "trading_account.api_key_revoked")]
    [InlineData("inactive", "trading_account.api_key_inactive")]
    public async Task Put_AnUnusableKey_Is409(string state, string code)
    {
        using var client = await SignedInAsync();
        var id = IdOf(await CreateAsync(client, "unusable"));
        if (state == "revoked")
        {
            (await client.DeleteAsync($"{Route}/{id}")).EnsureStatus(HttpStatusCode.NoContent);
        }
        else
        {
            (await client.PutAsync($"{Route}/{id}", new { status = "inactive" })).EnsureStatus(HttpStatusCode.OK);
        }

        var problem = (await client.PutAsync(AccountRoute, new { source = "api_key", api_key_id = id })).EnsureProblem(HttpStatusCode.Conflict).Body!;

        Assert.Equal(code, problem["code"]!.GetValue<string>());
        Assert.Equal("paper", (await client.GetAsync(AccountRoute)).Body!["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task Put_AKeyOfABrokerWithoutAdapter_Is422()
    {
        using var client = await SignedInAsync();
        var id = IdOf(await CreateAsync(client, "binance", broker: "binance"));

        var problem = (await client.PutAsync(AccountRoute, new { source = "api_key", api_key_id = id }))
            .EnsureProblem(HttpStatusCode.UnprocessableEntity).Body!;

        Assert.Equal("trading_account.broker_not_supported", problem["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{}", "source")]
    [InlineData("""{"source":"api_key"}""", "api_key_id")]
    [InlineData("""{"source":"paper","api_key_id":"0195f4a2-6c1e-7b3a-9d2f-3c4b5a6d7e8f"}""", "api_key_id")]
    [InlineData("""{"source":"broker"}""", "source")]
    public async Task Put_WithBadInput_Is400NamingTheField(string body, string field)
    {
        using var client = await SignedInAsync();

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Put, AccountRoute)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        });

        response.EnsureValidationError(field);
    }

    [Fact]
    public async Task Put_WhileOrdersAreOpen_Is409()
    {
        using var client = await SignedInAsync();
        (await (await MarketFeedAsync()).PutAsync("/api/v1/market/quotes/AAPL", new { price = 100m })).EnsureStatus(HttpStatusCode.OK);
        (await client.PostAsync("/api/v1/orders", new { symbol = "AAPL", side = "buy", qty = 1m, type = "limit", limit_price = 90m, time_in_force = "gtc" }))
            .EnsureStatus(HttpStatusCode.Created);
        var id = IdOf(await CreateAsync(client, "alpaca"));

        var problem = (await client.PutAsync(AccountRoute, new { source = "api_key", api_key_id = id })).EnsureProblem(HttpStatusCode.Conflict).Body!;

        Assert.Equal("trading_account.open_orders", problem["code"]!.GetValue<string>());
        (await client.PutAsync(AccountRoute, new { source = "paper" })).EnsureStatus(HttpStatusCode.OK); // not a switch
    }

    [Theory]
    [InlineData("revoked")]
    [InlineData("expired")]
    [InlineData("inactive")]
    public async Task WhenTheBoundKeyBecomesUnusable_TheAccountShowsWhy_AndOrdersAndMetricsAre409NamingTheKeyState(string state)
    {
        using var client = await SignedInAsync();
        var id = IdOf(await CreateAsync(client, $"soon {state}"));
        (await client.PutAsync(AccountRoute, new { source = "api_key", api_key_id = id })).EnsureStatus(HttpStatusCode.OK);

        switch (state)
        {
            case "revoked":
                (await client.DeleteAsync($"{Route}/{id}")).EnsureStatus(HttpStatusCode.NoContent);
                break;
            case "expired":
                await SetExpiryAsync(Fixture.Factory.Services, id, DateTime.UtcNow.AddMinutes(-1));
                break;
            default:
                (await client.PutAsync($"{Route}/{id}", new { status = "inactive" })).EnsureStatus(HttpStatusCode.OK);
                break;
        }

        var account = (await client.GetAsync(AccountRoute)).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("broker_unavailable", account["status"]!.GetValue<string>());
        Assert.Contains(state, account["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        // Orders and metrics fail closed with a 409 naming the key's state and what to do; nothing placed.
        var order = (await client.PostAsync("/api/v1/orders", new { symbol = "AAPL", side = "buy", qty = 1m, type = "market", time_in_force = "day" }))
            .EnsureProblem(HttpStatusCode.Conflict).Body!;
        Assert.Equal($"api_key.{state}", order["code"]!.GetValue<string>());
        Assert.Contains(state, order["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(state == "inactive" ? "reactivate" : "bind another key", order["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var metrics = (await client.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureProblem(HttpStatusCode.Conflict).Body!;
        Assert.Equal($"api_key.{state}", metrics["code"]!.GetValue<string>());
        Assert.Equal(0, await TradingTestData.PaperOrderCountAsync(Fixture));
    }
}

[Collection(nameof(SqliteBrokerCollection))]
public sealed class TradingAccountTestsOnSqlite(SqliteApiFixture fixture) : TradingAccountTests(fixture);

[Collection(nameof(PostgresBrokerCollection))]
public sealed class TradingAccountTestsOnPostgres(PostgresApiFixture fixture) : TradingAccountTests(fixture);
