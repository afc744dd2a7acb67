using System.Globalization;
using System.Text;
using RiskPlatform.Application.Common.Brokers;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Infrastructure.Brokers.Alpaca;

namespace RiskPlatform.Infrastructure.IntegrationTests.Brokers;

public sealed class AlpacaOrderPayloadsTests
{
    private const string FilledOrder = """
        {"id":"61e69015-8549-4bfd-b9c3-01e75843f47d","client_order_id":"cid-1","created_at":"2026-11-24T14:30:00.123456Z",
         "submitted_at":"2026-11-24T14:30:00.2Z","filled_at":"2026-11-24T14:30:01Z","symbol":"aapl","asset_class":"us_equity",
         "notional":null,"qty":"10","filled_qty":"10","filled_avg_price":"101.25","order_type":"market","type":"market","side":"buy",
         "time_in_force":"day","limit_price":null,"stop_price":null,"status":"filled","extended_hours":false,"legs":null}
        """;

    [Fact]
    public void ParseAccount_WithoutThePatternDayTraderFields_ReadsStringDecimalsAndLastEquity()
    {
        var account = AlpacaPayloads.ParseAccount(Encoding.UTF8.GetBytes("""
            {"id":"904837e3","account_number":"PA1","status":"ACTIVE","cash":"1000.5","equity":"2000.25","last_equity":"1900.75",
             "buying_power":"4000","trading_blocked":false}
            """));

        Assert.Equal(new AlpacaAccount("PA1", "ACTIVE", 2000.25m, 1900.75m, 1000.5m, 4000m, false, false), account);
    }

    [Fact]
    public void ParseAccount_WhenEquityIsMissing_ThrowsInsteadOfReportingZero()
    {
        Assert.Throws<AlpacaPayloadException>(() => AlpacaPayloads.ParseAccount(Encoding.UTF8.GetBytes(
            """{"id":"x","status":"ACTIVE","cash":"1","last_equity":"1","buying_power":"1"}""")));
    }

    [Fact]
    public void ParseOrder_ReadsTheDocumentedShape()
    {
        var order = AlpacaPayloads.ParseOrder(Encoding.UTF8.GetBytes(FilledOrder));

        Assert.Equal(
            new BrokerOrder(
                "61e69015-8549-4bfd-b9c3-01e75843f47d", "cid-1", "AAPL", OrderSide.Buy, OrderType.Market, TimeInForce.Day, 10m, 10m, null, 101.25m,
                OrderStatus.Filled, null, new DateTime(2026, 11, 24, 14, 30, 0, 200, DateTimeKind.Utc), new DateTime(2026, 11, 24, 14, 30, 1, DateTimeKind.Utc)),
            order);
        Assert.Equal(DateTimeKind.Utc, order.SubmittedAt.Kind);
    }

    [Fact]
    public void ParseOrder_NotionalOrderWithoutQty_IsRefused()
    {
        var body = FilledOrder.Replace("\"qty\":\"10\"", "\"qty\":null", StringComparison.Ordinal);

        Assert.Throws<AlpacaPayloadException>(() => AlpacaPayloads.ParseOrder(Encoding.UTF8.GetBytes(body)));
    }

    [Theory]
    [InlineData("new", OrderStatus.New)]
    [InlineData("accepted", OrderStatus.New)]
    [InlineData("pending_new", OrderStatus.New)]
    [InlineData("pending_cancel", OrderStatus.New)]
    [InlineData("done_for_day", OrderStatus.New)]
    [InlineData("partially_filled", OrderStatus.PartiallyFilled)]
    [InlineData("filled", OrderStatus.Filled)]
    [InlineData("canceled", OrderStatus.Cancelled)]
    [InlineData("replaced", OrderStatus.Cancelled)]
    [InlineData("expired", OrderStatus.Expired)]
    [InlineData("rejected", OrderStatus.Rejected)]
    public void MapStatus_MapsAlpacaStatuses(string alpaca, OrderStatus expected) =>
        Assert.Equal(expected, AlpacaPayloads.MapStatus(alpaca));

    [Fact]
    public void MapStatus_Unknown_Throws() => Assert.Throws<AlpacaPayloadException>(() => AlpacaPayloads.MapStatus("teleported"));

    [Theory]
    [InlineData("stop", OrderType.Market)]
    [InlineData("stop_limit", OrderType.Limit)]
    [InlineData("limit", OrderType.Limit)]
    public void ParseOrders_MapsOrderTypes(string type, OrderType expected)
    {
        var body = "[" + FilledOrder.Replace("\"type\":\"market\"", $"\"type\":\"{type}\"", StringComparison.Ordinal) + "]";

        Assert.Equal(expected, Assert.Single(AlpacaPayloads.ParseOrders(Encoding.UTF8.GetBytes(body))).Type);
    }

    [Fact]
    public void ParseCloseAll_ReadsClosingOrdersAndPerPositionErrors()
    {
        var closing = FilledOrder.Replace("\"side\":\"buy\"", "\"side\":\"sell\"", StringComparison.Ordinal);
        var body = "[{\"symbol\":\"AAPL\",\"status\":200,\"body\":" + closing + "},"
            + """{"symbol":"TSLA","status":403,"body":{"code":40310000,"message":"insufficient qty available for order"}}]""";

        var results = AlpacaPayloads.ParseCloseAll(Encoding.UTF8.GetBytes(body));

        Assert.Equal(2, results.Count);
        Assert.Equal(("AAPL", OrderSide.Sell, (string?)null), (results[0].Symbol, results[0].Order!.Side, results[0].Error));
        Assert.Equal(("TSLA", (BrokerOrder?)null, "insufficient qty available for order"), (results[1].Symbol, results[1].Order, results[1].Error));
    }

    [Theory]
    [InlineData("""{"code":40310000,"message":"insufficient buying power"}""", "insufficient buying power")]
    [InlineData("not json", null)]
    [InlineData("{}", null)]
    public void ErrorMessage_ReadsAlpacasMessage(string body, string? expected) =>
        Assert.Equal(expected, AlpacaPayloads.ErrorMessage(Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void ParseOrder_UnderACommaDecimalCulture_StillReadsInvariantDecimals()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal(101.25m, AlpacaPayloads.ParseOrder(Encoding.UTF8.GetBytes(FilledOrder)).AverageFillPrice);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
