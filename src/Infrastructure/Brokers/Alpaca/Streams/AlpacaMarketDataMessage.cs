namespace RiskPlatform.Infrastructure.Brokers.Alpaca.Streams;

/// <summary>
/// One item of a market-data stream message (Alpaca sends arrays of them): a control answer (<see cref="Text"/>, and the
/// <see cref="Code"/> of an error), the channels subscribed (<see cref="Trades"/>, <see cref="Quotes"/>), a trade
/// (<see cref="Symbol"/>, <see cref="Price"/>) or a quote (<see cref="Symbol"/>, <see cref="Bid"/>, <see cref="Ask"/>).
/// </summary>
internal sealed record AlpacaMarketDataMessage(AlpacaMarketDataMessageKind Kind)
{
    public string? Text { get; init; }

    public int? Code { get; init; }

    public IReadOnlyList<string> Trades { get; init; } = [];

    public IReadOnlyList<string> Quotes { get; init; } = [];

    public string? Symbol { get; init; }

    public decimal? Price { get; init; }

    public decimal? Bid { get; init; }

    public decimal? Ask { get; init; }
}
