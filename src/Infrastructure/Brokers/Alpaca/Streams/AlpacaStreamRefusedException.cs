namespace RiskPlatform.Infrastructure.Brokers.Alpaca.Streams;

/// <summary>Alpaca refused the stream (its credentials, the trade_updates stream, a connection or subscription limit): retried after the longest back-off.</summary>
internal sealed class AlpacaStreamRefusedException(string message) : Exception(message);
