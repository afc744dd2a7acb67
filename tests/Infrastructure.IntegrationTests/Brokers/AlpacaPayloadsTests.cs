using System.Globalization;
using System.Text;
using System.Text.Json;
using RiskPlatform.Application.Common.Brokers;
using RiskPlatform.Infrastructure.Brokers.Alpaca;

namespace RiskPlatform.Infrastructure.IntegrationTests.Brokers;

public sealed class AlpacaPayloadsTests
{
    [Fact]
    public void ParseBars_ReadsEachSymbolsDailyBars_DatedInNewYork_AndTheNextPageToken()
    {
        // Daily bars are stamped at New York midnight: 05:00Z in winter, 04:00Z in summer.
        const string body = """
            {"bars":{"aapl":[{"t":"2025-01-02T05:00:00Z","o":248.93,"h":249.1,"l":241.82,"c":243.85,"v":55740731,"n":1,"vw":245.1}],
                     "MSFT":[{"t":"2025-07-01T04:00:00Z","o":496.47,"h":500.5,"l":493.6,"c":492.05,"v":1.5,"n":1,"vw":1}]},
             "next_page_token":"abc"}
            """;

        var (bars, next) = AlpacaPayloads.ParseBars(Encoding.UTF8.GetBytes(body));

        Assert.Equal(
            [
                new("AAPL", new DateOnly(2025, 1, 2), 248.93m, 249.1m, 241.82m, 243.85m, 55740731m),
                new Application.MarketData.Commands.ImportPriceBars.PriceBarInput("MSFT", new DateOnly(2025, 7, 1), 496.47m, 500.5m, 493.6m, 492.05m, 1.5m),
            ],
            bars);
        Assert.Equal("abc", next);
        var (none, last) = AlpacaPayloads.ParseBars(Encoding.UTF8.GetBytes("""{"bars":{},"next_page_token":null}"""));
        Assert.Empty(none);
        Assert.Null(last);
        Assert.Throws<AlpacaPayloadException>(() => AlpacaPayloads.ParseBars(Encoding.UTF8.GetBytes("""{"bars":{"A":[{"t":"x","o":1,"h":1,"l":1,"c":1,"v":1}]}}""")));
    }

    [Fact]
    public void ParsePositions_WithLongAndShort_SignsTheQuantityAndParsesStringDecimals()
    {
        const string body = """
            [
              {"symbol":"aapl","qty":"10","side":"long","avg_entry_price":"150.25","current_price":"155.5","unrealized_pl":"52.5"},
              {"symbol":"TSLA","qty":"-3","side":"short","avg_entry_price":"200","current_price":"210.125","unrealized_pl":"-30.375"},
              {"symbol":"MSFT","qty":"0","side":"long","avg_entry_price":"0","current_price":"400","unrealized_pl":"0"}
            ]
            """;

        var positions = AlpacaPayloads.ParsePositions(Encoding.UTF8.GetBytes(body));

        Assert.Equal(
            [new BrokerPosition("AAPL", 10m, 150.25m, 155.5m, 52.5m), new BrokerPosition("TSLA", -3m, 200m, 210.125m, -30.375m)],
            positions);
    }

    [Fact]
    public void ParsePositions_UnderACommaDecimalCulture_StillReadsInvariantDecimals()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var positions = AlpacaPayloads.ParsePositions(Encoding.UTF8.GetBytes(
                """[{"symbol":"AAPL","qty":"1.5","side":"long","avg_entry_price":"1,000.5","current_price":"1000.75","unrealized_pl":"0.375"}]"""));

            Assert.Equal(new BrokerPosition("AAPL", 1.5m, 1000.5m, 1000.75m, 0.375m), Assert.Single(positions));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("""{"symbol":"AAPL"}""")]
    [InlineData("""[{"symbol":"AAPL","qty":"ten","side":"long","avg_entry_price":"1","current_price":"1","unrealized_pl":"0"}]""")]
    [InlineData("""[{"symbol":"AAPL","qty":"1","side":"sideways","avg_entry_price":"1","current_price":"1","unrealized_pl":"0"}]""")]
    [InlineData("""[{"symbol":"AAPL","qty":1,"side":"long","avg_entry_price":"1","current_price":"1","unrealized_pl":"0"}]""")]
    [InlineData("""[{"symbol":"AAPL","side":"long","avg_entry_price":"1","current_price":"1","unrealized_pl":"0"}]""")]
    [InlineData("not json")]
    public void ParsePositions_WhenTheShapeIsWrong_ThrowsInsteadOfReportingZeros(string body) =>
        Assert.Throws<AlpacaPayloadException>(() => AlpacaPayloads.ParsePositions(Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void ParseLatestQuote_ReadsBidAskAndTimeInUtc()
    {
        const string body = """{"symbol":"AAPL","quote":{"ap":189.52,"as":2,"bp":189.5,"bs":3,"t":"2026-11-24T15:59:58.123456789-05:00"}}""";

        var quote = AlpacaPayloads.ParseLatestQuote("aapl", Encoding.UTF8.GetBytes(body));

        Assert.Equal(("AAPL", 189.5m, 189.52m, (decimal?)null), (quote.Symbol, quote.Bid, quote.Ask, quote.Last));
        Assert.Equal(DateTimeKind.Utc, quote.Timestamp.Kind);
        Assert.Equal(new DateTime(2026, 11, 24, 20, 59, 58, DateTimeKind.Utc), quote.Timestamp.AddTicks(-(quote.Timestamp.Ticks % TimeSpan.TicksPerSecond)));
    }

    [Theory]
    [InlineData("""{"symbol":"AAPL"}""")]
    [InlineData("""{"quote":{"ap":"1","bp":1,"t":"2026-11-24T15:59:58Z"}}""")]
    [InlineData("""{"quote":{"ap":1,"bp":1,"t":"yesterday"}}""")]
    public void ParseLatestQuote_WhenTheShapeIsWrong_Throws(string body) =>
        Assert.Throws<AlpacaPayloadException>(() => AlpacaPayloads.ParseLatestQuote("AAPL", Encoding.UTF8.GetBytes(body)));

    [Theory]
    [InlineData("100000.25", "100000.25")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("1e3", "1000")]
    public void Decimal_ParsesAlpacaStringNumbers(string text, string expected)
    {
        using var document = JsonDocument.Parse($$"""{"equity":"{{text}}"}""");

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), AlpacaPayloads.Decimal(document.RootElement, "equity"));
    }
}
