namespace RiskPlatform.Infrastructure.Brokers.Alpaca.Streams;

/// <summary>The messages of Alpaca's trade-update stream that the consumer acts on.</summary>
internal enum AlpacaStreamMessageKind
{
    Authorization,
    Listening,
    TradeUpdate,
    Other,
}
