namespace RiskPlatform.Infrastructure.Brokers.Alpaca.Streams;

/// <summary>Alpaca refused the stream's credentials or did not grant the trade_updates stream: retried after the longest back-off.</summary>
internal sealed class AlpacaStreamRefusedException(string message) : Exception(message);
