namespace RiskPlatform.Infrastructure.Brokers.Alpaca;

/// <summary>Alpaca answered with a body that does not have the documented shape.</summary>
public sealed class AlpacaPayloadException(string message, Exception? inner = null)
    : Exception($"Unexpected Alpaca response: {message}", inner);
