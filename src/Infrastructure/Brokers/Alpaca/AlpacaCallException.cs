namespace RiskPlatform.Infrastructure.Brokers.Alpaca;

/// <summary>An Alpaca call that failed; the gateway turns it into a 503 with <see cref="Exception.Message"/> as the reason (never a credential).</summary>
internal sealed class AlpacaCallException(AlpacaFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public AlpacaFailure Failure { get; } = failure;
}
