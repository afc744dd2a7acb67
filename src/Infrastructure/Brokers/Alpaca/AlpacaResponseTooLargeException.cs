namespace RiskPlatform.Infrastructure.Brokers.Alpaca;

/// <summary>Alpaca sent a body larger than <see cref="AlpacaOptions.MaxResponseBytes"/>; it was not read.</summary>
public sealed class AlpacaResponseTooLargeException() : Exception($"The broker's response exceeded {AlpacaOptions.MaxResponseBytes} bytes.");
