using System.Net;
using Bunit;
using RiskPlatform.Web.ComponentTests.Support;
using RiskPlatform.Web.Pages;

namespace RiskPlatform.Web.ComponentTests.Pages;

public sealed class AnalyticsTests : WebAppTest
{
    private const string Path = "risk-rules/portfolio-risk/analytics";

    private const string Full = """
        {"computed_at":"2026-03-02T10:00:00Z",
         "inputs":{"benchmark":"SPY","lookback_days":252,"minimum_returns":20,"equity":100000,"price_source":"stored daily bars (price_bars)",
                   "common_returns":29,"from":"2026-01-20","to":"2026-02-27","volatility_method":"sample standard deviation × √252",
                   "var_method":"historical and parametric (normal)","insufficient_reason":null},
         "positions":[
           {"symbol":"AAPL","quantity":100,"market_value":15000,"percent_of_equity":15,"sector":"technology","annualised_volatility":0.234567,"volatility_returns":29,"beta":1.234,"beta_returns":29},
           {"symbol":"XOM","quantity":-50,"market_value":-5000,"percent_of_equity":-5,"sector":"unclassified","annualised_volatility":0.31,"volatility_returns":29,"beta":-0.4,"beta_returns":29}],
         "correlation":{"symbols":["AAPL","XOM"],"matrix":[[1,-0.75],[-0.75,1]]},
         "value_at_risk":{"horizon_days":1,"levels":[
           {"confidence":0.95,"historical_var":412.5,"historical_cvar":530.1,"parametric_var":398.2,"parametric_cvar":499},
           {"confidence":0.99,"historical_var":610,"historical_cvar":640.25,"parametric_var":563.3,"parametric_cvar":645.9}]},
         "var_contributors":[{"symbol":"AAPL","contribution":480.5,"share_of_total":0.853},{"symbol":"XOM","contribution":82.8,"share_of_total":0.147}],
         "sector_exposure":[{"sector":"technology","gross_exposure":15000,"net_exposure":15000,"percent_of_equity":15},
                            {"sector":"unclassified","gross_exposure":5000,"net_exposure":-5000,"percent_of_equity":5}]}
        """;

    [Fact]
    public async Task Open_WithEnoughHistory_ShowsEachPositionsFiguresTheVaRTheMatrixAndTheSectors()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Get, Path, HttpStatusCode.OK, Full);

        var cut = Render<Analytics>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=analytics-position]").Count));
        var aapl = cut.Find("[data-symbol=AAPL]");
        Assert.Equal("23.46 %", aapl.QuerySelector("[data-testid=volatility]")!.TextContent);
        Assert.Equal("1.23", aapl.QuerySelector("[data-testid=beta]")!.TextContent);
        Assert.Contains("$15,000.00", aapl.TextContent, StringComparison.Ordinal);
        Assert.Equal("-0.40", cut.Find("[data-symbol=XOM] [data-testid=beta]").TextContent);
        Assert.Equal(
            ["95 % $412.50 $530.10 $398.20 $499.00", "99 % $610.00 $640.25 $563.30 $645.90"],
            cut.FindAll("[data-testid=var-level]").Select(row => row.Text()));
        Assert.Equal(["AAPL $480.50 (85.3 %)", "XOM $82.80 (14.7 %)"], cut.FindAll("[data-testid=var-contributor]").Select(row => row.Text()));
        var cells = cut.FindAll("[data-testid=correlation] td").Select(cell => (cell.TextContent, cell.ClassName)).ToList();
        Assert.Equal([("1.00", "strong"), ("-0.75", "strong negative"), ("-0.75", "strong negative"), ("1.00", "strong")], cells);
        Assert.Equal(["technology $15,000.00 $15,000.00 15 %", "unclassified $5,000.00 -$5,000.00 5 %"],
            cut.FindAll("[data-testid=sector-exposure]").Select(row => row.Text()));
        Assert.Contains("share 29 daily returns, 2026-01-20 to 2026-02-27", cut.Find("[data-testid=analytics-inputs]").Text(), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=insufficient-history]"));
    }

    [Fact]
    public async Task Open_WithTooLittleHistory_SaysWhichFiguresAreMissingAndHowManyReturnsEachHad()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Get, Path, HttpStatusCode.OK, """
            {"computed_at":"2026-03-02T10:00:00Z",
             "inputs":{"benchmark":"SPY","lookback_days":252,"minimum_returns":20,"equity":100000,"price_source":"stored daily bars (price_bars)",
                       "common_returns":4,"from":"2026-02-23","to":"2026-02-27","volatility_method":"m","var_method":"m","insufficient_reason":"insufficient_history"},
             "positions":[{"symbol":"AAPL","quantity":5,"market_value":500,"percent_of_equity":0.5,"sector":"unclassified","annualised_volatility":null,"volatility_returns":4,"beta":null,"beta_returns":0}],
             "correlation":{"symbols":["AAPL"],"matrix":null},"value_at_risk":null,"var_contributors":[],
             "sector_exposure":[{"sector":"unclassified","gross_exposure":500,"net_exposure":500,"percent_of_equity":0.5}]}
            """);

        var cut = Render<Analytics>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=analytics-position]")));
        Assert.Contains("share 4 daily returns, and the correlations and value at risk need 20", cut.Find("[data-testid=insufficient-history]").Text(), StringComparison.Ordinal);
        Assert.Equal("insufficient history (4 of 20 daily returns)", cut.Find("[data-testid=volatility]").TextContent);
        Assert.Equal("insufficient history (0 of 20 daily returns)", cut.Find("[data-testid=beta]").TextContent);
        Assert.Equal("Insufficient history: 4 of 20 daily returns.", cut.Find("[data-testid=var-insufficient]").Text());
        Assert.Equal("Insufficient history: 4 of 20 daily returns.", cut.Find("[data-testid=correlation-insufficient]").Text());
        Assert.Empty(cut.FindAll("[data-testid=var-level]"));
        Assert.Empty(cut.FindAll("[data-testid=correlation]"));
        Assert.Single(cut.FindAll("[data-testid=sector-exposure]"));
    }

    [Fact]
    public async Task Open_WithNothingHeld_SaysSoInsteadOfEmptyTables()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Get, Path, HttpStatusCode.OK, """
            {"computed_at":"2026-03-02T10:00:00Z",
             "inputs":{"benchmark":"SPY","lookback_days":252,"minimum_returns":20,"equity":100000,"price_source":"p","common_returns":0,"from":null,"to":null,
                       "volatility_method":"m","var_method":"m","insufficient_reason":null},
             "positions":[],"correlation":{"symbols":[],"matrix":null},"value_at_risk":null,"var_contributors":[],"sector_exposure":[]}
            """);

        var cut = Render<Analytics>();

        cut.WaitForAssertion(() => Assert.Contains("Nothing is held", cut.Find("[data-testid=analytics-empty]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("table"));
    }

    [Fact]
    public async Task Compute_WithAnotherWindow_SendsItAndShowsTheApisFieldErrorsBesideTheirInputs()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Get, Path, HttpStatusCode.OK, Full)
            .On(HttpMethod.Get, Path + "?benchmark=QQQ&lookback_days=5", HttpStatusCode.BadRequest, """
                {"title":"One or more fields are invalid.","status":400,"errors":{"lookback_days":["lookback_days must be between 20 and 1260."]}}
                """)
            .On(HttpMethod.Get, Path + "?benchmark=QQQ&lookback_days=60", HttpStatusCode.OK, Full.Replace("\"benchmark\":\"SPY\"", "\"benchmark\":\"QQQ\"", StringComparison.Ordinal));
        var cut = Render<Analytics>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=analytics-position]").Count));

        cut.Find("#analytics-benchmark").Change(" QQQ ");
        cut.Find("#analytics-lookback").Change("5");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal("lookback_days must be between 20 and 1260.", cut.Find("#analytics-lookback ~ .field-error[data-field=lookback_days]").TextContent));
        Assert.Empty(cut.FindAll(".problem .field-error")); // beside its input, not repeated in the summary
        cut.Find("#analytics-lookback").Change("60");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("Beta to QQQ", cut.Find("thead").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll(".field-error"));
        Assert.Equal([Path, Path + "?benchmark=QQQ&lookback_days=5", Path + "?benchmark=QQQ&lookback_days=60"], Api.Requests.Select(r => r.Path).Where(p => p.StartsWith(Path, StringComparison.Ordinal)));
    }
}
