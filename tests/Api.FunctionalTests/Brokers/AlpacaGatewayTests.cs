using System.Net;
using RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Application.Common.Brokers;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Trading;
using static RiskPlatform.Api.FunctionalTests.ApiKeys.ApiKeyTestData;
using static RiskPlatform.Api.FunctionalTests.Brokers.AlpacaTrading;

namespace RiskPlatform.Api.FunctionalTests.Brokers;

/// <summary>The Alpaca gateway, as the application's IBrokerGateway, against the fake Alpaca: every route and error case.</summary>
public abstract class AlpacaGatewayTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private static BrokerOrderRequest Market(string side, decimal qty, string symbol = "AAPL", string? clientOrderId = null) => new(
        clientOrderId ?? $"cid-{Guid.NewGuid():N}", symbol, side == "buy" ? OrderSide.Buy : OrderSide.Sell, qty, OrderType.Market, null, TimeInForce.Day);

    [Fact]
    public async Task GetAccount_MapsStringDecimalsAndTakesDayStartFromLastEquity()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        var key = await BindNewKeyAsync(client);
        var sim = host.Alpaca.Simulator;
        sim.IncludePatternDayTraderFields = false;
        sim.Cash = 90_000.5m;
        sim.LastEquity = 100_250.25m;
        sim.SetQuote("AAPL", 99m, 101m);
        sim.SetPosition("AAPL", 100m, 95m); // worth 10,000 at the mid (100), 500 unrealized

        var account = await GatewayAsync(host, g => g.GetAccountAsync(client.UserId, CancellationToken.None));

        Assert.Equal(
            new BrokerAccount("PA3FAKE0001", 100_000.5m, 90_000.5m, 90_000.5m, 100_250.25m, 100_250.25m, 500m, 100_000.5m - 100_250.25m - 500m, DayStartFromBroker: true),
            account);
        var request = host.Alpaca.ReceivedOn("GET /v2/account")[0];
        Assert.Equal((key.ApiKey, key.ApiSecret), (request.KeyId, request.Secret));
    }

    [Fact]
    public async Task GetPositions_ShortPositionKeepsItsNegativeQuantity()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        host.Alpaca.Simulator.SetQuote("TSLA", 199m, 201m);
        host.Alpaca.Simulator.SetPosition("TSLA", -3m, 210m);

        var positions = await GatewayAsync(host, g => g.GetPositionsAsync(client.UserId, CancellationToken.None));

        Assert.Equal(new BrokerPosition("TSLA", -3m, 210m, 200m, 30m), Assert.Single(positions));
    }

    [Fact]
    public async Task SubmitOrder_Market_FillsAtTheAskAndIsIdempotentOnTheClientOrderId()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        host.Alpaca.Simulator.SetQuote("AAPL", 99m, 101m);
        var request = Market("buy", 10m, clientOrderId: "cid-idempotent-1");

        var first = await GatewayAsync(host, g => g.SubmitOrderAsync(client.UserId, request, CancellationToken.None));
        var again = await GatewayAsync(host, g => g.SubmitOrderAsync(client.UserId, request, CancellationToken.None));

        Assert.Equal((OrderStatus.Filled, 10m, (decimal?)101m, "cid-idempotent-1"), (first.Status, first.FilledQuantity, first.AverageFillPrice, first.ClientOrderId));
        Assert.Equal(first.BrokerOrderId, again.BrokerOrderId);
        Assert.Single(host.Alpaca.Simulator.Orders);
        var body = host.Alpaca.ReceivedOn("POST /v2/orders")[0].Body;
        Assert.Contains("\"qty\":\"10\"", body, StringComparison.Ordinal);
        Assert.Contains("\"client_order_id\":\"cid-idempotent-1\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenOrders_GetOrder_Cancel_FollowAlpacasOrderLifecycle()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        host.Alpaca.Simulator.SetQuote("AAPL", 99m, 101m);
        var resting = await GatewayAsync(host, g => g.SubmitOrderAsync(
            client.UserId, new BrokerOrderRequest("cid-limit", "AAPL", OrderSide.Buy, 5m, OrderType.Limit, 90m, TimeInForce.Gtc), CancellationToken.None));
        await GatewayAsync(host, g => g.SubmitOrderAsync(client.UserId, Market("buy", 1m), CancellationToken.None));

        var open = await GatewayAsync(host, g => g.GetOpenOrdersAsync(client.UserId, CancellationToken.None));
        var read = await GatewayAsync(host, g => g.GetOrderAsync(client.UserId, resting.BrokerOrderId, CancellationToken.None));
        var unknown = await GatewayAsync(host, g => g.GetOrderAsync(client.UserId, Guid.NewGuid().ToString(), CancellationToken.None));
        var notAnId = await GatewayAsync(host, g => g.GetOrderAsync(client.UserId, "../v2/account", CancellationToken.None));
        var cancelled = await GatewayAsync(host, g => g.CancelOrderAsync(client.UserId, resting.BrokerOrderId, CancellationToken.None));

        var only = Assert.Single(open);
        Assert.Equal((resting.BrokerOrderId, OrderType.Limit, (decimal?)90m, TimeInForce.Gtc, OrderStatus.New), (only.BrokerOrderId, only.Type, only.LimitPrice, only.TimeInForce, only.Status));
        Assert.Equal(OrderStatus.New, read!.Status);
        Assert.Null(unknown);
        Assert.Null(notAnId);
        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        await Assert.ThrowsAsync<ConflictException>(() => GatewayAsync(host, g => g.CancelOrderAsync(client.UserId, resting.BrokerOrderId, CancellationToken.None)));
        await Assert.ThrowsAsync<NotFoundException>(() => GatewayAsync(host, g => g.CancelOrderAsync(client.UserId, Guid.NewGuid().ToString(), CancellationToken.None)));
    }

    [Fact]
    public async Task GetQuote_ReadsTheLatestQuote_AndAnUnknownSymbolIsNull()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        var at = new DateTime(2026, 11, 24, 15, 30, 0, DateTimeKind.Utc);
        host.Alpaca.Simulator.SetQuote("MSFT", 410.25m, 410.5m, at);

        var quote = await GatewayAsync(host, g => g.GetQuoteAsync(client.UserId, "msft", CancellationToken.None));
        var none = await GatewayAsync(host, g => g.GetQuoteAsync(client.UserId, "NOPE", CancellationToken.None));

        Assert.Equal(new BrokerQuote("MSFT", 410.25m, 410.5m, null, at), quote);
        Assert.Null(none);
        Assert.Equal(2, host.Alpaca.ReceivedOn("GET /v2/stocks/MSFT/quotes/latest").Count + host.Alpaca.ReceivedOn("GET /v2/stocks/NOPE/quotes/latest").Count);
    }

    [Theory]
    [InlineData(403, "insufficient buying power")]
    [InlineData(422, "qty must be > 0")]
    public async Task SubmitOrder_WhenAlpacaRefusesTheOrder_Is422WithAlpacasMessageAndCountsAsAUse(int status, string message)
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        var key = await BindNewKeyAsync(client);
        host.Alpaca.Simulator.FailNext("POST /v2/orders", new FakeAlpacaFailure(status, message));

        var refused = await Assert.ThrowsAsync<RefusedException>(() =>
            GatewayAsync(host, g => g.SubmitOrderAsync(client.UserId, Market("buy", 1m), CancellationToken.None)));

        Assert.Equal("order_rejected_by_broker", refused.Code);
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        Assert.Equal(status, refused.Extensions["broker_status"]);
        Assert.Single(host.Alpaca.ReceivedOn("POST /v2/orders"));
        var counted = await KeyWhenAsync(client, key.Id, k => k["usage_count"]!.GetValue<long>() == 1, "the refused order counts as a use");
        Assert.Equal(0, counted["error_count"]!.GetValue<int>());
        Assert.Equal("active", (await client.GetAsync(AccountRoute)).Body!["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SubmitOrder_WhenTheAnswerIsLostAfterAlpacaPlacedIt_FindsItByClientOrderIdInsteadOfResending(bool timeout)
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        host.Alpaca.Simulator.SetQuote("AAPL", 99m, 101m);
        host.Alpaca.Simulator.FailNext("POST /v2/orders", timeout
            ? new FakeAlpacaFailure(0, string.Empty, TimeSpan.FromSeconds(3), ApplyFirst: true)
            : FakeAlpacaFailure.ServerError with { ApplyFirst = true });

        var order = await GatewayAsync(host, g => g.SubmitOrderAsync(client.UserId, Market("buy", 2m, clientOrderId: "cid-lost"), CancellationToken.None));

        Assert.Equal(("cid-lost", OrderStatus.Filled), (order.ClientOrderId, order.Status));
        Assert.Single(host.Alpaca.ReceivedOn("POST /v2/orders"));
        Assert.Single(host.Alpaca.ReceivedOn("GET /v2/orders:by_client_order_id"));
        Assert.Single(host.Alpaca.Simulator.Orders);
    }

    [Fact]
    public async Task SubmitOrder_WhenAlpacaFailedBeforePlacingIt_ChecksThenSendsItOnceMore()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        host.Alpaca.Simulator.SetQuote("AAPL", 99m, 101m);
        host.Alpaca.Simulator.FailNext("POST /v2/orders", FakeAlpacaFailure.ServerError);

        var order = await GatewayAsync(host, g => g.SubmitOrderAsync(client.UserId, Market("buy", 2m, clientOrderId: "cid-retry"), CancellationToken.None));

        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(
            ["POST /v2/orders", "GET /v2/orders:by_client_order_id", "POST /v2/orders"],
            host.Alpaca.Received.Select(r => r.Route).Where(r => r.Contains("/v2/orders", StringComparison.Ordinal)));
        Assert.Single(host.Alpaca.Simulator.Orders);
    }

    [Fact]
    public async Task SubmitOrder_WhenNeitherTheOrderNorItsLookupAnswer_Is503StateUnknown()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        host.Alpaca.Simulator.FailNext("POST /v2/orders", FakeAlpacaFailure.ServerError);
        host.Alpaca.Simulator.FailNext("GET /v2/orders:by_client_order_id", FakeAlpacaFailure.ServerError, times: 2);

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() =>
            GatewayAsync(host, g => g.SubmitOrderAsync(client.UserId, Market("buy", 1m, clientOrderId: "cid-unknown"), CancellationToken.None)));

        Assert.Equal("broker_order_state_unknown", error.Code);
        Assert.Contains("cid-unknown", error.Message, StringComparison.Ordinal);
        Assert.Single(host.Alpaca.ReceivedOn("POST /v2/orders"));
    }

    [Fact]
    public async Task Reads_AfterOne5xx_AreRetriedOnce_AndAfterTwoFailWith503()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        var key = await BindNewKeyAsync(client);
        host.Alpaca.Simulator.FailNext("GET /v2/positions", FakeAlpacaFailure.ServerError);

        var positions = await GatewayAsync(host, g => g.GetPositionsAsync(client.UserId, CancellationToken.None));
        Assert.Empty(positions);
        Assert.Equal(2, host.Alpaca.ReceivedOn("GET /v2/positions").Count);

        host.Alpaca.Simulator.FailNext("GET /v2/positions", FakeAlpacaFailure.ServerError, times: 2);
        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => GatewayAsync(host, g => g.GetPositionsAsync(client.UserId, CancellationToken.None)));

        Assert.Equal("broker_unavailable", error.Code);
        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, host.Alpaca.ReceivedOn("GET /v2/positions").Count);
        var counted = await KeyWhenAsync(client, key.Id, k => k["error_count"]!.GetValue<int>() == 1 && k["usage_count"]!.GetValue<long>() == 1,
            "one use for the call that worked after a retry and one error for the call that did not");
        Assert.Contains("HTTP 500", counted["last_error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_WhenAlpacaIsTooSlow_TimeOutWith503()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture, new Dictionary<string, string?> { ["Brokers:Alpaca:MaxRetries"] = "0" });
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        host.Alpaca.Simulator.FailNext("GET /v2/account", FakeAlpacaFailure.Slow(TimeSpan.FromSeconds(3)));

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => GatewayAsync(host, g => g.GetAccountAsync(client.UserId, CancellationToken.None)));

        Assert.Contains("did not answer GET /v2/account in time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RateLimit_WithAShortRetryAfter_IsWaitedOut_AndWithALongOneIs503NamingIt()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        host.Alpaca.Simulator.FailNext("GET /v2/orders", FakeAlpacaFailure.TooManyRequests(1));

        var open = await GatewayAsync(host, g => g.GetOpenOrdersAsync(client.UserId, CancellationToken.None));
        Assert.Empty(open);
        Assert.Equal(2, host.Alpaca.ReceivedOn("GET /v2/orders").Count);

        host.Alpaca.Simulator.FailNext("POST /v2/orders", FakeAlpacaFailure.TooManyRequests(30));
        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() =>
            GatewayAsync(host, g => g.SubmitOrderAsync(client.UserId, Market("buy", 1m), CancellationToken.None)));

        Assert.Equal("broker_rate_limited", error.Code);
        Assert.Contains("retry after 30 s", error.Message, StringComparison.Ordinal);
        Assert.Single(host.Alpaca.ReceivedOn("POST /v2/orders"));
    }

    [Fact]
    public async Task RateLimit_WithALongRetryAfter_Is503WithRetryAfter_AndCallsInTheWindowFailFastWithoutReachingAlpaca()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        host.Alpaca.Simulator.FailNext("GET /v2/account", FakeAlpacaFailure.TooManyRequests(30));

        var first = (await client.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureProblem(HttpStatusCode.ServiceUnavailable);
        var reached = host.Alpaca.Received.Count;
        var second = (await client.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureProblem(HttpStatusCode.ServiceUnavailable);
        var direct = await Assert.ThrowsAsync<ServiceUnavailableException>(() => GatewayAsync(host, g => g.GetPositionsAsync(client.UserId, CancellationToken.None)));

        Assert.Equal("broker_rate_limited", first.Body!["code"]!.GetValue<string>());
        Assert.Equal(TimeSpan.FromSeconds(30), first.Headers.RetryAfter?.Delta);
        Assert.Equal("broker_rate_limited", second.Body!["code"]!.GetValue<string>());
        Assert.InRange(second.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.Contains("nothing was sent", second.Body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("broker_rate_limited", direct.Code);
        Assert.NotNull(direct.RetryAfter);
        Assert.Equal(reached, host.Alpaca.Received.Count); // nothing reached Alpaca during the window
        Assert.Single(host.Alpaca.ReceivedOn("GET /v2/account"));
    }

    [Theory]
    [InlineData(FakeAlpacaServer.Redirect, "HTTP 302")]
    [InlineData(FakeAlpacaServer.Huge, "exceeded 1048576 bytes")]
    [InlineData(FakeAlpacaServer.HugeChunked, "exceeded 1048576 bytes")]
    [InlineData(FakeAlpacaServer.StallMidBody, "did not answer GET /v2/account in time")]
    public async Task GetAccount_WhenAlpacaRedirectsSendsTooMuchOrStallsMidBody_Is503AndNothingIsFollowed(string keyPrefix, string reason)
    {
        // Only the stall needs the short timeout; a 1 MB body must be refused for its size, not by the clock on a loaded machine.
        await using var host = await AlpacaHost.StartAsync(Fixture, new Dictionary<string, string?>
        {
            ["Brokers:Alpaca:MaxRetries"] = "0",
            ["Brokers:Alpaca:TimeoutSeconds"] = keyPrefix == FakeAlpacaServer.StallMidBody ? "1" : "30",
        });
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client, keyPrefix);

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => GatewayAsync(host, g => g.GetAccountAsync(client.UserId, CancellationToken.None)));

        Assert.Equal("broker_unavailable", error.Code);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        var only = Assert.Single(host.Alpaca.Received);
        Assert.Equal(("GET", "/v2/account"), (only.Method, only.PathAndQuery)); // the redirect target was never requested
    }

    [Fact]
    public async Task IsPaperTrading_PicksThePaperOrTheLiveUrl()
    {
        await using var live = await FakeAlpacaServer.StartAsync();
        await using var host = await AlpacaHost.StartAsync(Fixture, new Dictionary<string, string?> { ["Brokers:Alpaca:LiveUrl"] = live.BaseUrl.AbsoluteUri });
        using var client = await host.SignedInAsync();
        var liveKey = $"AKLIVE{Guid.NewGuid():N}".ToUpperInvariant();
        var created = (await client.PostAsync(Route, new
        {
            broker = "alpaca",
            name = "alpaca live",
            is_paper_trading = false,
            api_key = liveKey,
            api_secret = NewApiSecret(),
        })).EnsureStatus(HttpStatusCode.Created).Body!;
        Assert.False(created["is_paper_trading"]!.GetValue<bool>());
        (await client.PutAsync(AccountRoute, new { source = "api_key", api_key_id = IdOf(created) })).EnsureStatus(HttpStatusCode.OK);

        await GatewayAsync(host, g => g.GetAccountAsync(client.UserId, CancellationToken.None));
        var liveVerify = (await client.PostAsync($"{Route}/{IdOf(created)}/verify")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal("ok", liveVerify["broker_check"]!.GetValue<string>());
        Assert.Equal(2, live.ReceivedOn("GET /v2/account").Count(r => r.KeyId == liveKey)); // the gateway's call and the verification
        Assert.Contains(live.Received, r => r.Route == "GET /v2/positions");
        Assert.Empty(host.Alpaca.Received);

        var paperKey = await BindNewKeyAsync(client, "PKPAPER");
        await GatewayAsync(host, g => g.GetAccountAsync(client.UserId, CancellationToken.None));

        Assert.Single(host.Alpaca.ReceivedOn("GET /v2/account"), r => r.KeyId == paperKey.ApiKey);
        Assert.DoesNotContain(live.Received, r => r.KeyId == paperKey.ApiKey);
    }

    [Fact]
    public async Task CredentialsRejected_Is503_MarksTheAccountUnavailable_CountsTheRejection_AndNeverStoresTheSecret()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        var key = await BindNewKeyAsync(client);
        host.Alpaca.Simulator.FailNext("GET /v2/account", FakeAlpacaFailure.Unauthorized with { Message = $"bad key {key.ApiKey} secret {key.ApiSecret}" });

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => GatewayAsync(host, g => g.GetAccountAsync(client.UserId, CancellationToken.None)));

        Assert.Contains("HTTP 401", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key.ApiSecret, error.Message, StringComparison.Ordinal); // the 503 detail the client sees
        Assert.DoesNotContain(key.ApiKey, error.Message, StringComparison.Ordinal);
        Assert.Single(host.Alpaca.ReceivedOn("GET /v2/account")); // a rejection is not retried
        var account = await AccountWhenAsync(client, "broker_unavailable");
        Assert.Contains("HTTP 401", account["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        var counted = await KeyAsync(client, key.Id);
        Assert.Equal(1, counted["error_count"]!.GetValue<int>());
        var stored = counted["last_error"]!.GetValue<string>() + account["reason"]!.GetValue<string>();
        Assert.DoesNotContain(key.ApiKey, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(key.ApiSecret, stored, StringComparison.Ordinal);
        Assert.False(Fixture.Logs.Contains(key.ApiSecret));

        // Recovery: the next call that works makes the account active again.
        await GatewayAsync(host, g => g.GetPositionsAsync(client.UserId, CancellationToken.None));
        await AccountWhenAsync(client, "active");
    }

    [Fact]
    public async Task CircuitBreaker_OpensAfterConsecutiveFailures_ThenRefusesWithoutCallingAlpaca()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture, new Dictionary<string, string?> { ["Brokers:Alpaca:MaxRetries"] = "0" });
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        host.Alpaca.Simulator.FailNext("GET /v2/positions", FakeAlpacaFailure.ServerError, times: 3);
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<ServiceUnavailableException>(() => GatewayAsync(host, g => g.GetPositionsAsync(client.UserId, CancellationToken.None)));
        }

        var refused = await Assert.ThrowsAsync<ServiceUnavailableException>(() => GatewayAsync(host, g => g.GetPositionsAsync(client.UserId, CancellationToken.None)));

        Assert.Contains("circuit open", refused.Message, StringComparison.Ordinal);
        Assert.Equal(3, host.Alpaca.ReceivedOn("GET /v2/positions").Count);
        var account = await AccountWhenAsync(client, "broker_unavailable");
        Assert.Contains("HTTP 500", account["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosePosition_AndCloseAll_SendFlatteningMarketOrders()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        var sim = host.Alpaca.Simulator;
        sim.SetQuote("AAPL", 99m, 101m);
        sim.SetQuote("TSLA", 199m, 201m);
        sim.SetPosition("AAPL", 10m, 90m);
        sim.SetPosition("TSLA", -2m, 210m);

        var closed = await GatewayAsync(host, g => g.ClosePositionAsync(client.UserId, "aapl", CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => GatewayAsync(host, g => g.ClosePositionAsync(client.UserId, "AAPL", CancellationToken.None)));
        var all = await GatewayAsync(host, g => g.CloseAllPositionsAsync(client.UserId, CancellationToken.None));

        Assert.Equal((OrderSide.Sell, 10m, OrderStatus.Filled, (decimal?)99m), (closed.Side, closed.Quantity, closed.Status, closed.AverageFillPrice));
        var tsla = Assert.Single(all);
        Assert.Equal(("TSLA", OrderSide.Buy, 2m, (string?)null), (tsla.Symbol, tsla.Order!.Side, tsla.Order.Quantity, tsla.Error));
        Assert.Single(host.Alpaca.Received, r => r.PathAndQuery == "/v2/positions?cancel_orders=true" && r.Method == "DELETE");
        Assert.Empty(sim.Positions);
    }

    [Fact]
    public async Task Usage_ConcurrentCallsAllCount_AndLastUsedAtIsSet()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        var key = await BindNewKeyAsync(client);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => GatewayAsync(host, g => g.GetPositionsAsync(client.UserId, CancellationToken.None))));

        var counted = await KeyWhenAsync(client, key.Id, k => k["usage_count"]!.GetValue<long>() == 12, "12 concurrent calls count 12 uses");
        Assert.NotNull(counted["last_used_at"]);
        Assert.Equal(0, counted["error_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Paper_WhenTheUserIsNotBound_NothingReachesAlpaca()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();

        var account = await GatewayAsync(host, g => g.GetAccountAsync(client.UserId, CancellationToken.None));

        Assert.Equal(100_000m, account.Equity);
        Assert.Empty(host.Alpaca.Received);
    }
}

[Collection(nameof(SqliteBrokerCollection))]
public sealed class AlpacaGatewayTestsOnSqlite(SqliteApiFixture fixture) : AlpacaGatewayTests(fixture);

[Collection(nameof(PostgresBrokerCollection))]
public sealed class AlpacaGatewayTestsOnPostgres(PostgresApiFixture fixture) : AlpacaGatewayTests(fixture);
