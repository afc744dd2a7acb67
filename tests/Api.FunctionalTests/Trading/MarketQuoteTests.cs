using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Trading;

public abstract class MarketQuoteTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    [Fact]
    public async Task SetQuote_WithPrice_SetsBidAskLastAndGetReturnsIt()
    {
        var client = await MarketFeedAsync();

        var set = (await client.PutAsync("/api/v1/market/quotes/aapl", new { price = 150.25m })).EnsureStatus(HttpStatusCode.OK);
        var got = (await client.GetAsync("/api/v1/market/quotes/AAPL")).EnsureStatus(HttpStatusCode.OK);

        Assert.Equal("AAPL", set.Body!["symbol"]!.GetValue<string>());
        foreach (var field in new[] { "bid", "ask", "last", "mark_price" })
        {
            Assert.Equal(150.25m, got.Body![field]!.GetValue<decimal>());
        }
    }

    [Fact]
    public async Task SetQuote_WithBidAsk_MarksAtMidAndAnotherUserSeesIt()
    {
        var client = await MarketFeedAsync();
        var other = await SignedInAsync();

        (await client.PutAsync("/api/v1/market/quotes/MSFT", new { bid = 99m, ask = 101m })).EnsureStatus(HttpStatusCode.OK);
        var got = (await other.GetAsync("/api/v1/market/quotes/MSFT")).EnsureStatus(HttpStatusCode.OK);

        Assert.Equal(99m, got.Body!["bid"]!.GetValue<decimal>());
        Assert.Equal(101m, got.Body!["ask"]!.GetValue<decimal>());
        Assert.Null(got.Body!["last"]);
        Assert.Equal(100m, got.Body!["mark_price"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task OpenApi_ListsTheTradingRoutes_AndSaysQuotesAreGlobal()
    {
        var document = (await Anonymous().GetAsync("/openapi/v1.json")).EnsureStatus(HttpStatusCode.OK).Body!;
        var paths = document["paths"]!.AsObject();

        foreach (var path in new[] { "/api/v1/market/quotes/{symbol}", "/api/v1/orders", "/api/v1/orders/{id}", "/api/v1/risk-rules/test", "/api/v1/risk-rules/max-quantity" })
        {
            Assert.True(paths.ContainsKey(path), $"{path} is missing from the OpenAPI document");
        }

        Assert.Contains("market-data feed", paths["/api/v1/market/quotes/{symbol}"]!["put"]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetQuote_ByAnOrdinaryUser_Returns403AndChangesNothing()
    {
        var feed = await MarketFeedAsync();
        (await feed.PutAsync("/api/v1/market/quotes/AAPL", new { price = 150m })).EnsureStatus(HttpStatusCode.OK);
        var user = await SignedInAsync();

        (await user.PutAsync("/api/v1/market/quotes/AAPL", new { price = 1m })).EnsureProblem(HttpStatusCode.Forbidden);

        var got = (await user.GetAsync("/api/v1/market/quotes/AAPL")).EnsureStatus(HttpStatusCode.OK);
        Assert.Equal(150m, got.Body!["last"]!.GetValue<decimal>());
        // The refused attempt is on the caller's audit trail.
        var denied = (await user.GetAsync("/api/v1/audit-logs")).EnsureStatus(HttpStatusCode.OK).Array
            .Where(r => r!["outcome"]!.GetValue<string>() == "denied")
            .ToList();
        var row = Assert.Single(denied)!;
        Assert.Equal(("SetMarketQuote", "forbidden"), (row["action"]!.GetValue<string>(), row["error_code"]!.GetValue<string>()));
        Assert.Equal(1, await Fixture.CountAsync("SELECT COUNT(*) FROM audit_logs WHERE action = 'SetMarketQuote' AND outcome = 'denied'"));
    }

    [Fact]
    public async Task SetQuote_Anonymous_Returns401()
    {
        (await Anonymous().PutAsync("/api/v1/market/quotes/AAPL", new { price = 1m })).EnsureProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GetQuote_WhenUnknown_Returns404()
    {
        var client = await SignedInAsync();

        (await client.GetAsync("/api/v1/market/quotes/NOPE")).EnsureProblem(HttpStatusCode.NotFound);
    }

    public static TheoryData<string, string, string> BadQuotes => new()
    {
        { "AAPL", """{"price":0}""", "price" },
        { "AAPL", """{"price":-1}""", "price" },
        { "AAPL", """{"bid":101,"ask":100}""", "bid" },
        { "AAPL", """{"price":100,"bid":99,"ask":101}""", "price" },
        { "AAPL", """{"bid":99}""", "ask" },
        { "AAPL", """{}""", "bid" },
        { "AAPL", """{"price":1.123456789}""", "price" },
        { "AAPL", """{"price":10000000000}""", "price" },
        { "BAD*SYM", """{"price":100}""", "symbol" },
        { "AAPL", """{"price":"abc"}""", "price" },
    };

    [Theory]
    [MemberData(nameof(BadQuotes))]
    public async Task SetQuote_WhenInputIsBad_Returns400NamingTheField(string symbol, string body, string field)
    {
        var client = await MarketFeedAsync();

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/v1/market/quotes/{Uri.EscapeDataString(symbol)}")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        });

        response.EnsureValidationError(field);
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM market_quotes"));
    }

    [Fact]
    public async Task SetQuotes_InOneBatch_SetsEachAndWritesOneAuditRowNamingTheCount()
    {
        var client = await MarketFeedAsync();
        (await client.PutAsync("/api/v1/market/quotes/MSFT", new { price = 300m })).EnsureStatus(HttpStatusCode.OK);

        var set = (await client.PutAsync("/api/v1/market/quotes", new object[]
        {
            new { symbol = "aapl", price = 150m },
            new { symbol = "MSFT", bid = 99m, ask = 101m },
            new { symbol = "TSLA", bid = 10m, ask = 12m, last = 11.5m },
        })).EnsureStatus(HttpStatusCode.OK).Array;

        Assert.Equal(["AAPL", "MSFT", "TSLA"], set.Select(q => q!["symbol"]!.GetValue<string>()));
        Assert.Equal(100m, (await client.GetAsync("/api/v1/market/quotes/MSFT")).Body!["mark_price"]!.GetValue<decimal>());
        Assert.Equal(11.5m, (await client.GetAsync("/api/v1/market/quotes/TSLA")).Body!["last"]!.GetValue<decimal>());
        Assert.Equal(3, await Fixture.CountAsync("SELECT COUNT(*) FROM market_quotes"));
        Assert.Equal(1, await Fixture.CountAsync(
            "SELECT COUNT(*) FROM audit_logs WHERE action = 'SetMarketQuotes' AND description = 'Set the quotes of 3 symbol(s)'"));
    }

    [Fact]
    public async Task SetQuotes_FillsTheRestingPaperOrdersEachQuoteCrosses()
    {
        var feed = await MarketFeedAsync();
        var trader = await SignedInAsync();
        (await feed.PutAsync("/api/v1/market/quotes", new object[] { new { symbol = "AAPL", price = 100m }, new { symbol = "MSFT", price = 50m } }))
            .EnsureStatus(HttpStatusCode.OK);
        var aapl = (await trader.PostAsync("/api/v1/orders", new { symbol = "AAPL", side = "buy", qty = 1m, type = "limit", limit_price = 90m }))
            .EnsureStatus(HttpStatusCode.Created).Body!["id"]!.GetValue<Guid>();
        var msft = (await trader.PostAsync("/api/v1/orders", new { symbol = "MSFT", side = "buy", qty = 1m, type = "limit", limit_price = 40m }))
            .EnsureStatus(HttpStatusCode.Created).Body!["id"]!.GetValue<Guid>();

        (await feed.PutAsync("/api/v1/market/quotes", new object[] { new { symbol = "AAPL", price = 89m }, new { symbol = "MSFT", price = 45m } }))
            .EnsureStatus(HttpStatusCode.OK);

        Assert.Equal("filled", (await trader.GetAsync($"/api/v1/orders/{aapl}")).Body!["status"]!.GetValue<string>());
        Assert.Equal("new", (await trader.GetAsync($"/api/v1/orders/{msft}")).Body!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task SetQuotes_ByAnOrdinaryUser_Returns403()
    {
        var user = await SignedInAsync();

        (await user.PutAsync("/api/v1/market/quotes", new object[] { new { symbol = "AAPL", price = 1m } })).EnsureProblem(HttpStatusCode.Forbidden);
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM market_quotes"));
    }

    public static TheoryData<string, string> BadBatches => new()
    {
        { """[]""", "quotes" },
        { """[{"symbol":"AAPL","price":100},{"symbol":"MSFT","bid":101,"ask":100}]""", "quotes[1].bid" },
        { """[{"symbol":"AAPL","price":100},{"symbol":"aapl","price":101}]""", "quotes[1].symbol" },
        { """[{"symbol":"BAD*SYM","price":100}]""", "quotes[0].symbol" },
        { """[{"symbol":"AAPL"}]""", "quotes[0].bid" },
    };

    [Theory]
    [MemberData(nameof(BadBatches))]
    public async Task SetQuotes_WhenAnyItemIsBad_Returns400NamingItAndSetsNone(string body, string field)
    {
        var client = await MarketFeedAsync();

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/v1/market/quotes")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        });

        response.EnsureValidationError(field);
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM market_quotes"));
    }

    [Fact]
    public async Task SetQuotes_WithMoreThanTheLimit_Returns400()
    {
        var client = await MarketFeedAsync();
        var quotes = Enumerable.Range(0, 1_001).Select(i => new { symbol = $"S{i}", price = 1m }).ToArray();

        (await client.PutAsync("/api/v1/market/quotes", quotes)).EnsureValidationError("quotes");
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM market_quotes"));
    }
}

[Collection(nameof(SqliteTradingCollection))]
public sealed class MarketQuoteTestsOnSqlite(SqliteApiFixture fixture) : MarketQuoteTests(fixture);

[Collection(nameof(PostgresTradingCollection))]
public sealed class MarketQuoteTestsOnPostgres(PostgresApiFixture fixture) : MarketQuoteTests(fixture);
