using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using RiskPlatform.Api.Cli;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Trading;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Api.FunctionalTests.RiskRules;

/// <summary>
/// POST /risk-rules/backtest over imported bars: decisions, monitor actions, curves and hits as the Domain computes them (the
/// figures are worked out in the comments), nothing written to the account, byte-identical answers, jobs, CSV uploads and the
/// 400s that name the field.
/// </summary>
public abstract class BacktestTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private const string Path = "/api/v1/risk-rules/backtest";

    /// <summary>Every table an account's trading writes to (besides the rules themselves and the audit trail).</summary>
    private static readonly string[] AccountTables =
    [
        "orders", "paper_accounts", "paper_orders", "paper_positions", "risk_breaches", "breach_episodes", "portfolio_states",
        "monitor_actions", "notifications", "notification_deliveries", "equity_snapshots", "backtest_jobs", "audit_logs",
    ];

    [Fact]
    public async Task Backtest_WithTheAccountsRules_AnswersDecisionsMonitorActionsCurvesAndHits_AndWritesNothing()
    {
        await ImportBarsAsync();
        var client = await SignedInAsync();
        var stopLoss = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.StopLoss, 5m, ThresholdUnit.Percent, RiskAction.ClosePosition);
        var restricted = await TradingTestData.AddRuleAsync(
            Fixture, client.UserId, RiskRuleType.RestrictedSymbols, 1m, ThresholdUnit.Count, RiskAction.Block, symbols: ["MSFT"]);
        var before = await RowCountsAsync();

        var body = (await client.PostAsync(Path, new
        {
            orders = new object[]
            {
                new { date = "2025-03-03", symbol = "aapl", side = "buy", qty = 100 },
                new { date = "2025-03-04", symbol = "MSFT", side = "buy", qty = 10 },
            },
            to = "2025-03-06",
        })).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.True(body["simulated"]!.GetValue<bool>());
        Assert.Contains("nothing was written to your account", body["note"]!.GetValue<string>(), StringComparison.Ordinal);
        var inputs = body["inputs"]!;
        Assert.Equal(("2025-03-03", "2025-03-06", 4, "account"), (inputs["from"]!.GetValue<string>(), inputs["to"]!.GetValue<string>(), inputs["trading_days"]!.GetValue<int>(), inputs["rules_source"]!.GetValue<string>()));
        Assert.Equal(["AAPL", "MSFT"], inputs["symbols"]!.AsArray().Select(s => s!.GetValue<string>()));

        // Buy 100 AAPL at the 3 March open (100); MSFT is restricted. The 4 March close (90) is a 10 % adverse move ≥ 5 %: flattened at 90.
        var orders = body["orders"]!.AsArray();
        Assert.Equal(("accepted", "filled", 100m), (orders[0]!["decision"]!.GetValue<string>(), orders[0]!["status"]!.GetValue<string>(), orders[0]!["fill_price"]!.GetValue<decimal>()));
        Assert.Equal(("blocked", "blocked"), (orders[1]!["decision"]!.GetValue<string>(), orders[1]!["status"]!.GetValue<string>()));
        Assert.Equal(restricted, orders[1]!["breaches"]![0]!["rule_id"]!.GetValue<Guid>());

        var liquidation = Assert.Single(body["monitor_events"]!.AsArray())!;
        Assert.Equal(("2025-03-04", "close", "AAPL", "close_position"), (liquidation["date"]!.GetValue<string>(), liquidation["at"]!.GetValue<string>(), liquidation["symbol"]!.GetValue<string>(), liquidation["action"]!.GetValue<string>()));
        Assert.Equal(stopLoss, liquidation["rule_id"]!.GetValue<Guid>());
        Assert.Equal((100m, 90m), (liquidation["liquidations"]![0]!["qty"]!.GetValue<decimal>(), liquidation["liquidations"]![0]!["price"]!.GetValue<decimal>()));

        // With the rules: 100,000 / 99,000 / 99,000 / 99,000. Without: MSFT is bought too (10 × 50), AAPL rides to 88.
        Assert.Equal([100_000m, 99_000m, 99_000m, 99_000m], Curve(body["with_rules"]!));
        Assert.Equal([100_000m, 99_000m, 98_500m, 98_800m], Curve(body["without_rules"]!));
        Assert.Equal((99_000m, 1m, -1m), (body["with_rules"]!["final_equity"]!.GetValue<decimal>(), body["with_rules"]!["max_drawdown_percent"]!.GetValue<decimal>(), body["with_rules"]!["total_return_percent"]!.GetValue<decimal>()));
        Assert.Equal((98_800m, 1.5m), (body["without_rules"]!["final_equity"]!.GetValue<decimal>(), body["without_rules"]!["max_drawdown_percent"]!.GetValue<decimal>()));
        Assert.Equal(("2025-03-04", -1_000m), (body["with_rules"]!["worst_day"]!["date"]!.GetValue<string>(), body["with_rules"]!["worst_day"]!["pnl"]!.GetValue<decimal>()));

        var rules = body["rules"]!.AsArray();
        // The account's rules in evaluation order: by type (restricted_symbols before stop_loss), then id.
        Assert.Equal([(restricted, 1, 1, 0), (stopLoss, 1, 0, 1)], rules.Select(r => (r!["rule_id"]!.GetValue<Guid>(), r["hits"]!.GetValue<int>(), r["pre_trade_hits"]!.GetValue<int>(), r["monitor_hits"]!.GetValue<int>())));

        Assert.Equal(before, await RowCountsAsync());
        Assert.Equal(0, await TradingTestData.BreachCountAsync(Fixture, stopLoss));
    }

    [Fact]
    public async Task Backtest_TheSameInputTwice_AndAsAJob_GivesByteIdenticalResults()
    {
        await ImportBarsAsync();
        var client = await SignedInAsync();
        var request = new
        {
            orders = new object[]
            {
                new { date = "2025-03-03", symbol = "AAPL", side = "buy", qty = 20 },
                new { date = "2025-03-04", symbol = "AAPL", side = "buy", qty = 10, type = "limit", limit_price = 95 },
                new { date = "2025-03-05", symbol = "MSFT", side = "sell", qty = 5 },
            },
            rules = new object[]
            {
                new { rule_type = "max_position_size", threshold_value = 1550, threshold_unit = "dollars", action = "reduce_size" },
                new { name = "tight stop", rule_type = "stop_loss", threshold_value = 5, threshold_unit = "percent", action = "close_position" },
            },
        };

        var first = (await client.PostAsync(Path, request)).EnsureStatus(HttpStatusCode.OK).Text;
        var second = (await client.PostAsync(Path, request)).EnsureStatus(HttpStatusCode.OK).Text;
        var job = await RunAsJobAsync(client, request);

        Assert.Equal(first, second);
        Assert.Equal(first, job);
        var body = JsonNode.Parse(first)!;
        Assert.Equal("draft", body["inputs"]!["rules_source"]!.GetValue<string>());
        Assert.Equal(["draft rule 0", "tight stop"], body["rules"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()));
        Assert.All(body["rules"]!.AsArray(), r => Assert.Null(r!["rule_id"]));

        // 20 × 100 > 1,550 dollars → 15 shares; then 15 + 10 at the reference price 100 leaves room for 0.5 share: reduced to
        // nothing, so blocked.
        Assert.Equal(("reduced", 15m), (body["orders"]![0]!["decision"]!.GetValue<string>(), body["orders"]![0]!["approved_qty"]!.GetValue<decimal>()));
        Assert.Equal(("blocked", 0), (body["orders"]![1]!["decision"]!.GetValue<string>(), body["orders"]![1]!["breaches"]![0]!["rule_index"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Backtest_AsAJob_AnswersAcceptedWithALocation_ThatOnlyItsOwnerCanRead()
    {
        await ImportBarsAsync();
        var client = await SignedInAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, Path)
        {
            Content = JsonContent(new { orders = new object[] { new { date = "2025-03-03", symbol = "AAPL", side = "buy", qty = 1 } } }),
        };
        request.Headers.Add("Prefer", "respond-async");

        var accepted = (await client.SendAsync(request)).EnsureStatus(HttpStatusCode.Accepted);
        var location = accepted.Headers.Location!.ToString();
        var id = accepted.Body!["id"]!.GetValue<Guid>();

        Assert.Equal($"{Path}/{id}", location);
        Assert.Contains(accepted.Body["status"]!.GetValue<string>(), new[] { "queued", "running", "succeeded" });
        var done = await PollAsync(client, location);
        Assert.Equal("succeeded", done["status"]!.GetValue<string>());
        Assert.True(done["result"]!["simulated"]!.GetValue<bool>());
        Assert.NotNull(done["completed_at"]);
        Assert.True(done["expires_at"]!.GetValue<DateTime>() > DateTime.UtcNow.AddHours(23));

        (await (await SignedInAsync()).GetAsync(location)).EnsureProblem(HttpStatusCode.NotFound);
        (await client.GetAsync($"{Path}/{Guid.NewGuid()}")).EnsureProblem(HttpStatusCode.NotFound);
        Assert.Equal(1, await Fixture.CountAsync("SELECT COUNT(*) FROM backtest_jobs"));
    }

    [Fact]
    public async Task Backtest_OfAnUploadedCsv_ReadsTheOrdersAndTheFormFields()
    {
        await ImportBarsAsync();
        var client = await SignedInAsync();
        var form = new MultipartFormDataContent
        {
            { new StringContent("date,symbol,side,qty,type,limit_price\n2025-03-03,AAPL,buy,10,,\n2025-03-04,AAPL,buy,5,limit,95\n"), "orders", "orders.csv" },
            { new StringContent("50000"), "starting_cash" },
            { new StringContent("2025-03-06"), "to" },
            { new StringContent("""[{"rule_type":"max_order_value","threshold_value":400,"threshold_unit":"dollars","action":"reduce_size"}]"""), "rules" },
        };

        var body = (await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, Path) { Content = form })).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal((50_000m, 2), (body["inputs"]!["starting_cash"]!.GetValue<decimal>(), body["inputs"]!["orders"]!.GetValue<int>()));
        Assert.Equal("2025-03-06", body["inputs"]!["to"]!.GetValue<string>());
        // 10 × 100 = 1,000 > 400 dollars → 4 shares; 5 × 100 (the reference price is the quote, above the limit) → 4 shares.
        Assert.Equal([4m, 4m], body["orders"]!.AsArray().Select(o => o!["approved_qty"]!.GetValue<decimal>()));

        // The limit buy at 95 rests at the 4 March open (100) and fills at 95 when the day's low (89) reaches it.
        Assert.Equal(("filled", 95m), (body["orders"]![1]!["status"]!.GetValue<string>(), body["orders"]![1]!["fill_price"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task Backtest_OfACsvWithBadRows_Returns400NamingTheLines()
    {
        var client = await SignedInAsync();
        var form = new MultipartFormDataContent
        {
            { new StringContent("date,symbol,side,qty\n2025-03-03,AAPL,buy,10\n2025-13-03,AAPL,buy,1\n2025-03-04,AAPL,hold,1\n"), "orders", "orders.csv" },
        };

        var problem = (await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, Path) { Content = form })).EnsureValidationError("orders");

        Assert.Contains("line 3: date '2025-13-03'", problem.Text, StringComparison.Ordinal);
        Assert.Contains("line 4: side 'hold'", problem.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"orders":[{"date":"2025-03-03","symbol":"AAPL","side":"buy","qty":1},{"date":"2025-03-03","symbol":"NOPE","side":"buy","qty":1}]}""", "orders[1].symbol")]
    [InlineData("""{"orders":[{"date":"2025-03-03","symbol":"AAPL","side":"buy","qty":1}],"from":"2025-03-05","to":"2025-03-04"}""", "from")]
    [InlineData("""{"orders":[{"date":"2025-03-03","symbol":"AAPL","side":"buy","qty":1}],"from":"2015-01-01"}""", "to")]
    [InlineData("""{"orders":[{"date":"2025-03-03","symbol":"AAPL","side":"buy","qty":1}],"from":"2025-03-04"}""", "orders[0].date")]
    [InlineData("""{"orders":[{"date":"2025-03-03","symbol":"AAPL","side":"buy","qty":0}]}""", "orders[0].qty")]
    [InlineData("""{"orders":[{"date":"2025-03-03","symbol":"AAPL","side":"buy","qty":1,"type":"limit"}]}""", "orders[0].limit_price")]
    [InlineData("""{"orders":[{"date":"2025-03-03","symbol":"AAPL","side":"sideways","qty":1}]}""", "orders[0].side")]
    [InlineData("""{"orders":[]}""", "orders")]
    [InlineData("""{"starting_cash":-5,"orders":[{"date":"2025-03-03","symbol":"AAPL","side":"buy","qty":1}]}""", "starting_cash")]
    [InlineData("""{"orders":[{"date":"2025-03-03","symbol":"AAPL","side":"buy","qty":1}],"rules":[{"rule_type":"stop_loss","threshold_value":5,"threshold_unit":"dollars"}]}""", "rules[0].threshold_unit")]
    public async Task Backtest_WhenInputIsBad_Returns400NamingTheField(string json, string field)
    {
        await ImportBarsAsync();
        var client = await SignedInAsync();

        (await client.PostRawAsync(Path, json)).EnsureValidationError(field);
    }

    [Fact]
    public async Task Backtest_OverTheOrderLimit_Returns400NamingOrders()
    {
        var client = await SignedInAsync();
        var orders = Enumerable.Range(0, 10_001).Select(_ => new { date = "2025-03-03", symbol = "A", side = "buy", qty = 1 }).ToArray();

        var problem = (await client.PostAsync(Path, new { orders })).EnsureValidationError("orders");

        Assert.Contains("at most 10000 orders", problem.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_Anonymous_Returns401()
    {
        (await Anonymous().PostAsync(Path, new { orders = Array.Empty<object>() })).EnsureProblem(HttpStatusCode.Unauthorized);
        (await Anonymous().GetAsync($"{Path}/{Guid.NewGuid()}")).EnsureProblem(HttpStatusCode.Unauthorized);
    }

    private static decimal[] Curve(JsonNode run) => [.. run["curve"]!.AsArray().Select(p => p!["equity"]!.GetValue<decimal>())];

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body, ApiClient.Json), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    private async Task<string> RunAsJobAsync(ApiClient client, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = JsonContent(body) };
        request.Headers.Add("Prefer", "respond-async");
        var accepted = (await client.SendAsync(request)).EnsureStatus(HttpStatusCode.Accepted);
        var done = await PollAsync(client, accepted.Headers.Location!.ToString());
        Assert.Equal("succeeded", done["status"]!.GetValue<string>());

        // The stored result, exactly as written into the job's body.
        var text = (await client.GetAsync(accepted.Headers.Location!.ToString())).Text;
        var start = text.IndexOf("\"result\":", StringComparison.Ordinal) + "\"result\":".Length;
        return text[start..^1];
    }

    private static async Task<JsonNode> PollAsync(ApiClient client, string location)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var body = (await client.GetAsync(location)).EnsureStatus(HttpStatusCode.OK).Body!;
            if (body["status"]!.GetValue<string>() is "succeeded" or "failed" || DateTime.UtcNow > deadline)
            {
                return body;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private async Task<Dictionary<string, int>> RowCountsAsync()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in AccountTables)
        {
            counts[table] = await Fixture.CountAsync($"SELECT COUNT(*) FROM {table}");
        }

        return counts;
    }

    /// <summary>AAPL: 100 flat on 3 March, close 90 on the 4th (low 89), 85 on the 5th, 88 on the 6th; MSFT flat at 50.</summary>
    private async Task ImportBarsAsync()
    {
        var lines = new List<string>
        {
            "symbol,date,open,high,low,close,volume",
            "AAPL,2025-03-03,100,101,99,100,1000",
            "AAPL,2025-03-04,100,100,89,90,1000",
            "AAPL,2025-03-05,90,92,80,85,1000",
            "AAPL,2025-03-06,85,89,84,88,1000",
        };
        lines.AddRange(new[] { "03", "04", "05", "06" }.Select(d => string.Create(CultureInfo.InvariantCulture, $"MSFT,2025-03-{d},50,50,50,50,1000")));
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"backtest-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, lines, TestContext.Current.CancellationToken);
        using var output = new StringWriter();
        var exit = await MarketCommandLine.RunAsync(Fixture.Factory.Services, ["market", "import-bars", path], output, output, TestContext.Current.CancellationToken);
        File.Delete(path);
        Assert.True(exit == 0, output.ToString());
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class BacktestTestsOnSqlite(SqliteApiFixture fixture) : BacktestTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class BacktestTestsOnPostgres(PostgresApiFixture fixture) : BacktestTests(fixture);
