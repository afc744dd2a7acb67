using System.Globalization;
using System.Text;
using RiskPlatform.Application.MarketData.Commands.SetMarketQuote;
using RiskPlatform.Infrastructure.Brokers.Alpaca;
using RiskPlatform.Infrastructure.Brokers.Alpaca.Streams;

namespace RiskPlatform.Infrastructure.IntegrationTests.Brokers;

public sealed class AlpacaMarketDataMessagesTests
{
    private static IReadOnlyList<AlpacaMarketDataMessage> Parse(string text) => AlpacaPayloads.ParseMarketDataMessages(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("connected")]
    [InlineData("authenticated")]
    public void ParseMarketDataMessages_Success_ReadsTheText(string text)
    {
        var message = Assert.Single(Parse($$"""[{"T":"success","msg":"{{text}}"}]"""));

        Assert.Equal((AlpacaMarketDataMessageKind.Success, text), (message.Kind, message.Text));
    }

    [Theory]
    [InlineData(402, "auth failed")]
    [InlineData(405, "symbol limit exceeded")]
    [InlineData(406, "connection limit exceeded")]
    public void ParseMarketDataMessages_Error_ReadsTheCodeAndText(int code, string text)
    {
        var message = Assert.Single(Parse($$"""[{"T":"error","code":{{code}},"msg":"{{text}}"}]"""));

        Assert.Equal((AlpacaMarketDataMessageKind.Error, code, text), (message.Kind, message.Code, message.Text));
    }

    [Fact]
    public void ParseMarketDataMessages_Subscription_ReadsTheChannels()
    {
        var message = Assert.Single(Parse("""[{"T":"subscription","trades":["AAPL"],"quotes":["AAPL","msft"],"bars":[]}]"""));

        Assert.Equal(AlpacaMarketDataMessageKind.Subscription, message.Kind);
        Assert.Equal(["AAPL"], message.Trades);
        Assert.Equal(["AAPL", "MSFT"], message.Quotes);
    }

    [Fact]
    public void ParseMarketDataMessages_TradesAndQuotesInOneMessage_AreReadInOrder()
    {
        var messages = Parse("""
            [{"T":"t","S":"AAPL","i":96921,"x":"D","p":126.55,"s":1,"t":"2021-02-22T15:51:44.208Z","c":["@","I"],"z":"C"},
             {"T":"q","S":"AMD","bx":"U","bp":87.66,"bs":1,"ax":"Q","ap":87.68,"as":4,"t":"2021-02-22T15:51:45.335689322Z","c":["R"],"z":"C"},
             {"T":"b","S":"SPY","o":388.985,"h":389.13,"l":388.975,"c":389.12,"v":49378,"t":"2021-02-22T19:15:00Z"}]
            """);

        Assert.Equal(
            [(AlpacaMarketDataMessageKind.Trade, "AAPL", 126.55m, null, null), (AlpacaMarketDataMessageKind.Quote, "AMD", null, 87.66m, 87.68m), (AlpacaMarketDataMessageKind.Other, null, null, null, null)],
            messages.Select(m => (m.Kind, m.Symbol, m.Price, m.Bid, m.Ask)));
    }

    [Theory]
    [InlineData("""[{"T":"t","S":"AAPL","p":"126.55"}]""")]
    [InlineData("""[{"T":"t","S":"AAPL"}]""")]
    [InlineData("""[{"T":"q","S":"AAPL","bp":1}]""")]
    [InlineData("""[{"T":"q","bp":1,"ap":2}]""")]
    [InlineData("""[{"S":"AAPL"}]""")]
    [InlineData("""[42]""")]
    public void ParseMarketDataMessages_AnUnreadableItem_IsUnreadable_AndTheOthersStillCount(string text)
    {
        var messages = Parse(text.Replace("]", """,{"T":"t","S":"MSFT","p":5}]""", StringComparison.Ordinal));

        Assert.Equal([AlpacaMarketDataMessageKind.Unreadable, AlpacaMarketDataMessageKind.Trade], messages.Select(m => m.Kind));
        Assert.NotNull(messages[0].Text);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"T":"success","msg":"connected"}""")]
    public void ParseMarketDataMessages_NotAnArray_Throws(string text)
    {
        Assert.Throws<AlpacaPayloadException>(() => Parse(text));
    }

    [Fact]
    public void PriceOf_ATrade_IsItsPrice()
    {
        var price = AlpacaMarketDataConnection.PriceOf(new AlpacaMarketDataMessage(AlpacaMarketDataMessageKind.Trade) { Symbol = "AAPL", Price = 126.55m });

        Assert.Equal(new SetMarketQuoteCommand("AAPL", Price: 126.55m), price);
    }

    [Fact]
    public void PriceOf_AQuote_IsItsBidAndAsk_SoTheQuoteMarksAtTheMid()
    {
        var price = AlpacaMarketDataConnection.PriceOf(new AlpacaMarketDataMessage(AlpacaMarketDataMessageKind.Quote) { Symbol = "AMD", Bid = 87.66m, Ask = 87.68m });

        Assert.Equal(new SetMarketQuoteCommand("AMD", Bid: 87.66m, Ask: 87.68m), price);
    }

    [Theory]
    [InlineData("t", "0", null, null)]
    [InlineData("t", "-1", null, null)]
    [InlineData("t", "0.000000001", null, null)]
    [InlineData("t", "1000000001", null, null)]
    [InlineData("q", null, "0", "10")]
    [InlineData("q", null, "10", "0")]
    [InlineData("q", null, "11", "10")]
    public void PriceOf_AnUnusablePrice_IsNull(string type, string? price, string? bid, string? ask)
    {
        var message = new AlpacaMarketDataMessage(type == "t" ? AlpacaMarketDataMessageKind.Trade : AlpacaMarketDataMessageKind.Quote)
        {
            Symbol = "AAPL",
            Price = Number(price),
            Bid = Number(bid),
            Ask = Number(ask),
        };

        Assert.Null(AlpacaMarketDataConnection.PriceOf(message));
    }

    private static decimal? Number(string? text) => text is null ? null : decimal.Parse(text, CultureInfo.InvariantCulture);
}
