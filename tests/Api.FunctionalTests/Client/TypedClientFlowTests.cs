using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Client;

namespace RiskPlatform.Api.FunctionalTests.Client;

/// <summary>
/// The earlier system's flow (docs: WIRE-CONTRACT.md) in 20 steps, through the typed client (RiskPlatform.Client) against
/// the real service: register, sign in, rules, risk checks, the key vault, notifications and a blocked order. The client
/// talks to the test server's handler through its own token-refresh handler, as an application would over the network.
/// </summary>
public abstract class TypedClientFlowTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private const string Password = "Correct-Horse-42";

    [Fact]
    public async Task TheEarlierSystemsTwentySteps_RunThroughTheTypedClient()
    {
        var ct = TestContext.Current.CancellationToken;
        await PriceAsync("AAPL", 100m);
        using var connection = Connect();
        var api = connection.Api;
        var email = $"client-{Guid.NewGuid():N}@example.com";

        // 1–3: register, sign in, who am I.
        var registered = await api.RegisterAsync(new RegisterCommand { Email = email, Password = Password, Full_name = "Typed Client" }, cancellationToken: ct);
        Assert.Null(await connection.SignInAsync(email, Password, ct));
        var me = await api.GetCurrentUserAsync(ct);
        Assert.Equal(registered.Id, me.Id);
        Assert.Equal(email, me.Email);

        // 4–7: a block rule created, listed, read, tightened.
        var rule = await api.CreateRiskRuleAsync(new CreateRiskRuleCommand
        {
            Name = "Max AAPL position", Rule_type = RiskRuleType.Max_position_size, Threshold_value = 5_000, Threshold_unit = ThresholdUnit.Dollars,
            Action = RiskAction.Block, Is_active = true,
        }, cancellationToken: ct);
        Assert.Contains(await api.ListRiskRulesAsync(cancellationToken: ct), r => r.Id == rule.Id);
        Assert.Equal("Max AAPL position", (await api.GetRiskRuleAsync(rule.Id, cancellationToken: ct)).Name);
        var tightened = await api.UpdateRiskRuleAsync(rule.Id, new UpdateRiskRuleRequest { Threshold_value = 1_000 }, cancellationToken: ct);
        Assert.Equal(1_000, tightened.Threshold_value);

        // 8–10: what the rules would say, a position size, the portfolio's risk.
        var test = await api.TestRiskRulesAsync(new TestRiskRulesQuery { Symbol = "AAPL", Order_qty = 20 }, cancellationToken: ct);
        Assert.True(test.Would_block);
        Assert.Contains(test.Breaches, b => b.Rule_id == rule.Id);
        var size = await api.CalculatePositionSizeAsync(new CalculatePositionSizeQuery { Symbol = "AAPL", Entry_price = 100, Stop_loss = 95 }, cancellationToken: ct);
        Assert.Equal("AAPL", size.Symbol);
        var risk = await api.GetPortfolioRiskAsync(ct);
        Assert.True(Convert.ToDouble(risk.Account_value, System.Globalization.CultureInfo.InvariantCulture) > 0);

        // 11–16: the vault: store, list, rename, rotate, audit trail, revoke. No response carries a secret.
        var key = await api.CreateApiKeyAsync(new CreateApiKeyCommand
        {
            Broker = Broker.Alpaca, Name = "Paper", Is_paper_trading = true, Api_key = "PKTYPEDCLIENT0000001", Api_secret = "typed-client-secret-0000000000000000000001",
        }, cancellationToken: ct);
        Assert.Contains(await api.ListApiKeysAsync(cancellationToken: ct), k => k.Id == key.Id);
        Assert.Equal("Paper (renamed)", (await api.UpdateApiKeyAsync(key.Id, new UpdateApiKeyCommand { Name = "Paper (renamed)" }, cancellationToken: ct)).Name);
        var rotated = await api.RotateApiKeyAsync(key.Id, new RotateApiKeyCommand { New_api_key = "PKTYPEDCLIENT0000002", New_api_secret = "typed-client-secret-0000000000000000000002" }, cancellationToken: ct);
        Assert.NotNull(rotated.Last_rotated_at);
        Assert.NotEmpty(await api.ListApiKeyAuditLogsAsync(key.Id, cancellationToken: ct));
        await api.RevokeApiKeyAsync(key.Id, cancellationToken: ct);
        Assert.Equal(ApiKeyStatus.Revoked, (await api.GetApiKeyAsync(key.Id, cancellationToken: ct)).Status);

        // 17–19: notification preferences by default, listed; the inbox and its counts.
        var defaults = await api.SetDefaultNotificationPreferencesAsync(ct);
        Assert.False(string.IsNullOrEmpty(defaults.Message));
        Assert.NotEmpty(await api.ListNotificationPreferencesAsync(ct));
        Assert.NotNull(await api.ListNotificationsAsync(limit: 50, cancellationToken: ct));
        Assert.True((await api.GetNotificationStatsAsync(ct)).Total_unread >= 0);

        // 20: an order over the rule is refused as a typed problem with the breached rule; the rule is deleted after.
        var refused = await Assert.ThrowsAnyAsync<RiskPlatformApiException>(() => api.PlaceOrderAsync(new PlaceOrderCommand
        {
            Symbol = "AAPL", Side = OrderSide.Buy, Qty = 20, Type = OrderType.Market, Time_in_force = TimeInForce.Day,
        }, cancellationToken: ct));
        Assert.Equal(422, refused.StatusCode);
        Assert.Equal("order_blocked", refused.Code);
        Assert.Contains(rule.Id.ToString(), refused.Extension("breaches")!.ToString(), StringComparison.Ordinal);
        await api.DeleteRiskRuleAsync(rule.Id, cancellationToken: ct);
        Assert.Equal(404, (await Assert.ThrowsAnyAsync<RiskPlatformApiException>(() => api.GetRiskRuleAsync(rule.Id, cancellationToken: ct))).StatusCode);
    }

    [Fact]
    public async Task InvalidInput_ComesBackAsATypedProblemWithFieldErrors()
    {
        var ct = TestContext.Current.CancellationToken;
        using var connection = await SignedInConnectionAsync();

        var problem = await Assert.ThrowsAnyAsync<RiskPlatformApiException>(() => connection.Api.RotateApiKeyAsync(
            Guid.NewGuid(), new RotateApiKeyCommand { New_api_key = string.Empty, New_api_secret = string.Empty }, cancellationToken: ct));

        Assert.Equal(400, problem.StatusCode);
        Assert.Contains("new_api_key", problem.FieldErrors.Keys);
        Assert.False(string.IsNullOrEmpty(problem.TraceId));
    }

    [Fact]
    public async Task ARejectedAccessToken_IsRefreshedOnceAndTheRequestSentAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        using var connection = await SignedInConnectionAsync();
        var refreshToken = connection.Tokens.RefreshToken!;
        connection.Tokens.Set("not-a-valid-access-token", refreshToken);

        var me = await connection.Api.GetCurrentUserAsync(ct);

        Assert.NotEqual(Guid.Empty, me.Id);
        Assert.NotEqual("not-a-valid-access-token", connection.Tokens.AccessToken);
        Assert.NotEqual(refreshToken, connection.Tokens.RefreshToken); // refresh tokens rotate
        var again = await connection.Api.GetCurrentUserAsync(ct); // the new pair works without another refresh
        Assert.Equal(me.Id, again.Id);
    }

    [Fact]
    public async Task ARefusedRefresh_ClearsTheTokensAndSurfacesThe401()
    {
        var ct = TestContext.Current.CancellationToken;
        using var connection = await SignedInConnectionAsync();
        connection.Tokens.Set("not-a-valid-access-token", "not-a-valid-refresh-token");

        var problem = await Assert.ThrowsAnyAsync<RiskPlatformApiException>(() => connection.Api.GetCurrentUserAsync(ct));

        Assert.Equal((int)HttpStatusCode.Unauthorized, problem.StatusCode);
        Assert.Null(connection.Tokens.AccessToken);
    }

    private RiskPlatformConnection Connect() => new(Fixture.Factory.Server.BaseAddress, Fixture.Factory.Server.CreateHandler());

    private async Task<RiskPlatformConnection> SignedInConnectionAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var connection = Connect();
        var email = $"client-{Guid.NewGuid():N}@example.com";
        await connection.Api.RegisterAsync(new RegisterCommand { Email = email, Password = Password, Full_name = "Typed Client" }, cancellationToken: ct);
        await connection.SignInAsync(email, Password, ct);
        return connection;
    }

    private async Task PriceAsync(string symbol, decimal price) =>
        (await (await MarketFeedAsync()).PutAsync($"/api/v1/market/quotes/{symbol}", new { price })).EnsureStatus(HttpStatusCode.OK);
}

[Collection(nameof(SqliteCollection))]
public sealed class TypedClientFlowTestsOnSqlite(SqliteApiFixture fixture) : TypedClientFlowTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class TypedClientFlowTestsOnPostgres(PostgresApiFixture fixture) : TypedClientFlowTests(fixture);
