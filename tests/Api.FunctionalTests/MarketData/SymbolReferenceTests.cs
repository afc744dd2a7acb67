using System.Net;
using RiskPlatform.Api.Cli;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.MarketData;

/// <summary>Symbol reference data: admins write (API or CSV import), anyone signed in reads.</summary>
public abstract class SymbolReferenceTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    [Fact]
    public async Task PutSymbol_ByAnAdmin_ThenAnotherUserReadsIt()
    {
        var feed = await MarketFeedAsync();
        var user = await SignedInAsync();

        var set = (await feed.PutAsync("/api/v1/market/symbols/aapl", new
        {
            sector = "Information Technology",
            industry = "Technology Hardware",
            asset_class = "us_equity",
            exchange = "NASDAQ",
        })).EnsureStatus(HttpStatusCode.OK).Body!;
        var got = (await user.GetAsync("/api/v1/market/symbols/AAPL")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal("AAPL", set["symbol"]!.GetValue<string>());
        Assert.Equal(
            ("Information Technology", "Technology Hardware", "us_equity", "NASDAQ"),
            (got["sector"]!.GetValue<string>(), got["industry"]!.GetValue<string>(), got["asset_class"]!.GetValue<string>(), got["exchange"]!.GetValue<string>()));
    }

    [Fact]
    public async Task PutSymbol_Again_ReplacesEveryField_AndClearsTheOmittedOnes()
    {
        var feed = await MarketFeedAsync();
        (await feed.PutAsync("/api/v1/market/symbols/XOM", new { sector = "Energy", exchange = "NYSE" })).EnsureStatus(HttpStatusCode.OK);

        var got = (await feed.PutAsync("/api/v1/market/symbols/XOM", new { sector = "Energy " })).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal("Energy", got["sector"]!.GetValue<string>());
        Assert.Null(got["exchange"]);
        Assert.Equal(1, await Fixture.CountAsync("SELECT COUNT(*) FROM symbol_references"));
    }

    [Fact]
    public async Task PutSymbol_ByAnOrdinaryUser_Returns403AndStoresNothing()
    {
        var user = await SignedInAsync();

        (await user.PutAsync("/api/v1/market/symbols/AAPL", new { sector = "Made Up" })).EnsureProblem(HttpStatusCode.Forbidden);

        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM symbol_references"));
    }

    [Fact]
    public async Task GetSymbol_WhenUnknown_Returns404()
    {
        (await (await SignedInAsync()).GetAsync("/api/v1/market/symbols/NOPE")).EnsureProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetSymbol_Anonymous_Returns401()
    {
        (await Anonymous().GetAsync("/api/v1/market/symbols/AAPL")).EnsureProblem(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("AAPL", "sector")]
    [InlineData("AAPL", "asset_class")]
    [InlineData("BAD*SYM", "symbol")]
    public async Task PutSymbol_WhenInputIsBad_Returns400NamingTheField(string symbol, string field)
    {
        var feed = await MarketFeedAsync();
        var body = field == "symbol"
            ? (object)new { sector = "Energy" }
            : new Dictionary<string, string> { [field] = new string('x', 65) };

        (await feed.PutAsync($"/api/v1/market/symbols/{Uri.EscapeDataString(symbol)}", body)).EnsureValidationError(field);
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM symbol_references"));
    }

    [Fact]
    public async Task ImportSymbols_StoresGoodRows_RejectsBadOnesByLine_AndReimportIsIdempotent()
    {
        var path = Path.Combine(Path.GetTempPath(), $"symbols-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(
            path,
            [
                "Symbol,Sector,Industry,Asset_Class,Exchange",
                "AAPL,Information Technology,Technology Hardware,us_equity,NASDAQ",
                "\"XOM\",\"Energy\",\"Oil, Gas & Consumable Fuels\",us_equity,NYSE",
                "BAD*SYM,Energy,,,",
                "SPY,,,us_equity,NYSE ARCA",
            ],
            TestContext.Current.CancellationToken);
        try
        {
            var (first, output) = await ImportSymbolsAsync(path);
            var (second, _) = await ImportSymbolsAsync(path);

            Assert.Equal((2, 2), (first, second));
            Assert.Contains("line 4: ", output, StringComparison.Ordinal);
            Assert.Contains("3 symbols stored; 1 rows rejected", output, StringComparison.Ordinal);
            Assert.Equal(3, await Fixture.CountAsync("SELECT COUNT(*) FROM symbol_references"));
            var xom = (await (await SignedInAsync()).GetAsync("/api/v1/market/symbols/XOM")).EnsureStatus(HttpStatusCode.OK).Body!;
            Assert.Equal("Oil, Gas & Consumable Fuels", xom["industry"]!.GetValue<string>());
            var spy = (await (await SignedInAsync()).GetAsync("/api/v1/market/symbols/SPY")).EnsureStatus(HttpStatusCode.OK).Body!;
            Assert.Null(spy["sector"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<(int ExitCode, string Output)> ImportSymbolsAsync(string path)
    {
        using var output = new StringWriter();
        var exit = await MarketCommandLine.RunAsync(
            Fixture.Factory.Services, ["market", "import-symbols", path], output, output, TestContext.Current.CancellationToken);
        return (exit, output.ToString());
    }
}

[Collection(nameof(SqliteTradingCollection))]
public sealed class SymbolReferenceTestsOnSqlite(SqliteApiFixture fixture) : SymbolReferenceTests(fixture);

[Collection(nameof(PostgresTradingCollection))]
public sealed class SymbolReferenceTestsOnPostgres(PostgresApiFixture fixture) : SymbolReferenceTests(fixture);
