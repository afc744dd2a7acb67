using System.Net;
using System.Text.Json.Nodes;
using RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.TestSupport;
using static RiskPlatform.Api.FunctionalTests.Brokers.AlpacaTrading;

namespace RiskPlatform.Api.FunctionalTests.Brokers;

/// <summary>
/// An order for an external broker is never sent inside a database transaction (docs/decisions/020): it is committed awaiting the
/// broker (<c>pending_new</c>), sent with no transaction open, and its answer recorded after; a lost answer is settled by the
/// client order id, never by sending again.
/// </summary>
public abstract class AlpacaSubmissionTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private const string Password = "Correct-Horse-42";

    /// <summary>Enough failures allowed that the circuit stays closed through a test's deliberate outages.</summary>
    private static readonly Dictionary<string, string?> PatientCircuit = new() { ["Brokers:Alpaca:CircuitBreakerFailures"] = "20" };

    private static object Market(string side, decimal qty, string symbol = "AAPL", string? clientOrderId = null) =>
        new { symbol, side, qty, type = "market", time_in_force = "day", client_order_id = clientOrderId };

    [Fact]
    public async Task SlowAlpacaOrder_DoesNotHoldUpAnotherUsersPaperOrder()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture, new Dictionary<string, string?> { ["Brokers:Alpaca:TimeoutSeconds"] = "15" });
        using var alpacaTrader = await host.SignedInAsync();
        await BindNewKeyAsync(alpacaTrader);
        host.Alpaca.Simulator.SetQuote("AAPL", 99m, 101m);
        using var feed = new ApiClient(host.Factory.CreateClient());
        await feed.SignInAsNewAdminAsync(host.Factory.Services, RiskPlatformApiFactory.MarketFeedEmail, Password);
        (await feed.PutAsync("/api/v1/market/quotes/MSFT", new { price = 50m })).EnsureStatus(HttpStatusCode.OK);
        using var paperTrader = await host.SignedInAsync();
        host.Alpaca.Simulator.FailNext("POST /v2/orders", FakeAlpacaFailure.Slow(TimeSpan.FromSeconds(5)));

        var slow = alpacaTrader.PostAsync("/api/v1/orders", Market("buy", 1m));
        await Eventually.ReturnsAsync(
            () => Task.FromResult(host.Alpaca.ReceivedOn("POST /v2/orders").Count), n => n == 1, TimeSpan.FromSeconds(10), "the Alpaca order is on its way");
        var paper = await paperTrader.PostAsync("/api/v1/orders", Market("buy", 1m, "MSFT"));

        Assert.Equal("filled", paper.EnsureStatus(HttpStatusCode.Created).Body!["status"]!.GetValue<string>());
        Assert.False(slow.IsCompleted, "the paper order had to wait for the other user's Alpaca call");
        var placed = (await slow).EnsureStatus(HttpStatusCode.Created).Body!;
        Assert.Equal("filled", placed["status"]!.GetValue<string>());
        Assert.NotNull(placed["broker_order_id"]?.GetValue<string>());
    }

    [Fact]
    public async Task Order_WhenAlpacasAnswerAndItsLookupAreLost_IsKeptPendingAndSettledFromAlpacasRecord_NeverSentTwice()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture, PatientCircuit);
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        var sim = host.Alpaca.Simulator;
        sim.SetQuote("AAPL", 99m, 101m);
        sim.FailNext("POST /v2/orders", FakeAlpacaFailure.ServerError with { ApplyFirst = true });
        sim.FailNext("GET /v2/orders:by_client_order_id", FakeAlpacaFailure.ServerError, times: 2);

        var lost = (await client.PostAsync("/api/v1/orders", Market("buy", 2m, clientOrderId: "cid-lost")))
            .EnsureProblem(HttpStatusCode.ServiceUnavailable).Body!;

        Assert.Equal("broker_order_state_unknown", lost["code"]!.GetValue<string>());
        var pending = Assert.Single((await client.GetAsync("/api/v1/orders")).EnsureStatus(HttpStatusCode.OK).Array)!;
        Assert.Equal(("cid-lost", "pending_new"), (ClientOrderId(pending), Status(pending)));

        // Alpaca answers again: the next order first settles the lost one from Alpaca's record of it.
        (await client.PostAsync("/api/v1/orders", Market("buy", 1m))).EnsureStatus(HttpStatusCode.Created);

        var settled = (await client.GetAsync($"/api/v1/orders/{pending["id"]!.GetValue<Guid>()}")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(("filled", 2m), (Status(settled), settled["filled_qty"]!.GetValue<decimal>()));
        var atAlpaca = Assert.Single(sim.Orders, o => o.ClientOrderId == "cid-lost");
        Assert.Equal(atAlpaca.Id, settled["broker_order_id"]!.GetValue<string>());
        Assert.Single(host.Alpaca.ReceivedOn("POST /v2/orders"), r => r.Body.Contains("cid-lost", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Order_ThatNeverReachedAlpaca_EndsRejectedOnceAlpacaHasNoRecordOfIt_AndIsNotSentAgain()
    {
        await using var host = await AlpacaHost.StartAsync(
            Fixture, new Dictionary<string, string?>(PatientCircuit) { ["Risk:BrokerAcknowledgementSeconds"] = "0" });
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        var sim = host.Alpaca.Simulator;
        sim.SetQuote("AAPL", 99m, 101m);
        sim.FailNext("POST /v2/orders", FakeAlpacaFailure.ServerError);
        sim.FailNext("GET /v2/orders:by_client_order_id", FakeAlpacaFailure.ServerError, times: 2);
        (await client.PostAsync("/api/v1/orders", Market("buy", 2m, clientOrderId: "cid-never"))).EnsureProblem(HttpStatusCode.ServiceUnavailable);

        // The trader resubmits to find out: Alpaca has no such order, so it was never placed — and it is not placed now.
        var answer = (await client.PostAsync("/api/v1/orders", Market("buy", 2m, clientOrderId: "cid-never"))).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal("rejected", Status(answer));
        Assert.Contains("never received", answer["reject_reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(host.Alpaca.ReceivedOn("POST /v2/orders"));
        Assert.Empty(sim.Orders);
    }

    [Fact]
    public async Task OrderAwaitingAlpaca_CountsInTheRiskReads_AsItDoesForTheNextOrder()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture, PatientCircuit);
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        var sim = host.Alpaca.Simulator;
        sim.SetQuote("AAPL", 99m, 101m);
        (await client.PostAsync("/api/v1/risk-rules", new
        {
            name = "five shares", rule_type = "max_position_size", threshold_value = 5m, threshold_unit = "shares", action = "block",
        })).EnsureStatus(HttpStatusCode.Created);
        sim.FailNext("POST /v2/orders", FakeAlpacaFailure.ServerError);
        sim.FailNext("GET /v2/orders:by_client_order_id", FakeAlpacaFailure.ServerError, times: 2);
        (await client.PostAsync("/api/v1/orders", Market("buy", 2m, clientOrderId: "cid-awaiting"))).EnsureProblem(HttpStatusCode.ServiceUnavailable);

        var max = (await client.GetAsync("/api/v1/risk-rules/max-quantity?symbol=AAPL&side=buy")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal(3m, max["max_quantity"]!.GetValue<decimal>());
        Assert.Equal("pending_new", Status(Assert.Single((await client.GetAsync("/api/v1/orders")).EnsureStatus(HttpStatusCode.OK).Array)!));
    }

    private static string Status(JsonNode order) => order["status"]!.GetValue<string>();

    private static string ClientOrderId(JsonNode order) => order["client_order_id"]!.GetValue<string>();
}

[Collection(nameof(SqliteBrokerCollection))]
public sealed class AlpacaSubmissionTestsOnSqlite(SqliteApiFixture fixture) : AlpacaSubmissionTests(fixture);

[Collection(nameof(PostgresBrokerCollection))]
public sealed class AlpacaSubmissionTestsOnPostgres(PostgresApiFixture fixture) : AlpacaSubmissionTests(fixture);
