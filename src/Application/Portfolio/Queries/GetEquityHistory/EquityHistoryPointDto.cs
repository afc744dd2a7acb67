namespace RiskPlatform.Application.Portfolio.Queries.GetEquityHistory;

/// <summary>The equity at the end of one interval, and how far it is below the highest equity of the range so far.</summary>
public sealed record EquityHistoryPointDto(DateTime At, decimal Equity, decimal Drawdown, decimal DrawdownPercent);
