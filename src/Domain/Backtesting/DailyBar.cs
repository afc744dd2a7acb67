namespace RiskPlatform.Domain.Backtesting;

/// <summary>A stored daily bar as the backtester reads it (prices only).</summary>
public readonly record struct DailyBar(DateOnly Date, decimal Open, decimal High, decimal Low, decimal Close);
