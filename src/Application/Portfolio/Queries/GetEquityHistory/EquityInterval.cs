namespace RiskPlatform.Application.Portfolio.Queries.GetEquityHistory;

/// <summary>The width of one point of an equity history: the last recorded equity in each minute, hour or day.</summary>
public enum EquityInterval
{
    Minute,
    Hour,
    Day,
}
