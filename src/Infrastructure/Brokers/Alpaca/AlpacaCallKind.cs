namespace RiskPlatform.Infrastructure.Brokers.Alpaca;

/// <summary>How a call may be repeated and how its refusals read.</summary>
internal enum AlpacaCallKind
{
    /// <summary>An idempotent GET: retried with jitter after a timeout, network error or 5xx.</summary>
    Read,

    /// <summary>A write (POST an order, DELETE an order or position): never retried, except after a 429 (which Alpaca did not process).</summary>
    Write,
}
