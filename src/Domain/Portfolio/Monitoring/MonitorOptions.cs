namespace RiskPlatform.Domain.Portfolio.Monitoring;

/// <summary>Tuning of <see cref="PortfolioMonitor.Evaluate"/>.</summary>
public sealed record MonitorOptions
{
    public static MonitorOptions Default { get; } = new();

    /// <summary>
    /// An episode ends when the observed value is back at or below <c>limit × (1 − ExitMarginFraction)</c>. Default 0.05 (5 % of
    /// the limit): a 10 % drawdown limit ends its episode at 9.5 %.
    /// </summary>
    public decimal ExitMarginFraction { get; init; } = 0.05m;
}
