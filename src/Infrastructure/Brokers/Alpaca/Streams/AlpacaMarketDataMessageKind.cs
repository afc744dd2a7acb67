namespace RiskPlatform.Infrastructure.Brokers.Alpaca.Streams;

/// <summary>The items (<c>"T"</c>) of Alpaca's market-data stream that the consumer tells apart.</summary>
internal enum AlpacaMarketDataMessageKind
{
    /// <summary><c>success</c>: <c>connected</c> on opening, <c>authenticated</c> after the auth message.</summary>
    Success,

    /// <summary><c>error</c>: a code and a text (402 auth failed, 405 symbol limit exceeded, 406 connection limit exceeded, …).</summary>
    Error,

    /// <summary><c>subscription</c>: every channel subscribed now, after each subscribe or unsubscribe.</summary>
    Subscription,

    /// <summary><c>t</c>: a trade (symbol, price).</summary>
    Trade,

    /// <summary><c>q</c>: a quote (symbol, bid, ask).</summary>
    Quote,

    /// <summary>Anything else (bars, statuses, corrections): ignored.</summary>
    Other,

    /// <summary>An item whose fields could not be read (<see cref="AlpacaMarketDataMessage.Text"/> says why); skipped.</summary>
    Unreadable,
}
