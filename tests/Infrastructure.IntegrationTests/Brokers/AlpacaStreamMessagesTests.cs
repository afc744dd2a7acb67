using System.Text;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Infrastructure.Brokers.Alpaca;
using RiskPlatform.Infrastructure.Brokers.Alpaca.Streams;

namespace RiskPlatform.Infrastructure.IntegrationTests.Brokers;

public sealed class AlpacaStreamMessagesTests
{
    private const string Fill = """
        {"stream":"trade_updates","data":{"event":"fill","execution_id":"2f63ea93-423d-4169-b3f6-3fdafc10c418",
         "order":{"id":"7b7653c4-7468-494a-aeb3-d5f255789473","client_order_id":"cid-7","created_at":"2026-11-24T14:30:00Z",
          "submitted_at":"2026-11-24T14:30:00Z","filled_at":"2026-11-24T14:30:01Z","symbol":"AAPL","qty":"10","filled_qty":"10",
          "filled_avg_price":"179.08","type":"limit","side":"buy","time_in_force":"gtc","limit_price":"180","status":"filled"},
         "position_qty":"10","price":"179.08","qty":"10","timestamp":"2026-11-24T14:30:01.000123Z"}}
        """;

    private static AlpacaStreamMessage Parse(string text) => AlpacaPayloads.ParseStreamMessage(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("authorized", true)]
    [InlineData("unauthorized", false)]
    public void ParseStreamMessage_Authorization_ReadsTheStatus(string status, bool authorized)
    {
        var message = Parse($$$"""{"stream":"authorization","data":{"action":"authenticate","status":"{{{status}}}"}}""");

        Assert.Equal((AlpacaStreamMessageKind.Authorization, authorized), (message.Kind, message.Authorized));
    }

    [Fact]
    public void ParseStreamMessage_Listening_ReadsTheGrantedStreams()
    {
        var message = Parse("""{"stream":"listening","data":{"streams":["trade_updates"]}}""");

        Assert.Equal(AlpacaStreamMessageKind.Listening, message.Kind);
        Assert.Equal(["trade_updates"], message.Streams);
    }

    [Fact]
    public void ParseStreamMessage_TradeUpdate_ReadsTheEventAndTheOrderAfterIt()
    {
        var message = Parse(Fill);

        Assert.Equal((AlpacaStreamMessageKind.TradeUpdate, "fill"), (message.Kind, message.Event));
        var order = message.Order!;
        Assert.Equal(
            ("7b7653c4-7468-494a-aeb3-d5f255789473", "cid-7", OrderStatus.Filled, 10m, 179.08m),
            (order.BrokerOrderId, order.ClientOrderId, order.Status, order.FilledQuantity, order.AverageFillPrice));
    }

    [Fact]
    public void ParseStreamMessage_AnotherStream_IsOther()
    {
        Assert.Equal(AlpacaStreamMessageKind.Other, Parse("""{"stream":"account_updates","data":{}}""").Kind);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""[{"T":"success","msg":"authenticated"}]""")]
    [InlineData("""{"data":{}}""")]
    [InlineData("""{"stream":"trade_updates"}""")]
    [InlineData("""{"stream":"trade_updates","data":{"event":"fill"}}""")]
    [InlineData("""{"stream":"trade_updates","data":{"order":{}}}""")]
    public void ParseStreamMessage_Malformed_Throws(string text)
    {
        Assert.Throws<AlpacaPayloadException>(() => Parse(text));
    }

    [Fact]
    public void ParseStreamMessage_OrderWithAnUnreadableQuantity_Throws()
    {
        Assert.Throws<AlpacaPayloadException>(() => Parse(Fill.Replace("\"filled_qty\":\"10\"", "\"filled_qty\":\"ten\"", StringComparison.Ordinal)));
    }
}
