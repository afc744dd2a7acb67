namespace RiskPlatform.Application.Portfolio.Queries.GetEquityHistory;

public sealed record EquityHistoryDto(DateTime From, DateTime To, EquityInterval Interval, IReadOnlyList<EquityHistoryPointDto> Points);
