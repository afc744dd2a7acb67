using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.MarketData.Queries.GetPriceBars;

/// <summary>
/// A symbol's stored bars from <see cref="From"/> to <see cref="To"/> (New York dates, both included). <see cref="Interval"/>
/// <c>1d</c> (the default): daily bars, by default the year up to today, at most <see cref="GetPriceBarsQueryValidator.MaxDays"/>
/// days apart; <c>1m</c>: the minute bars rolled from quotes, by default today, at most
/// <see cref="GetPriceBarsQueryValidator.MaxMinuteDays"/> days apart.
/// </summary>
public sealed record GetPriceBarsQuery(string Symbol, DateOnly? From = null, DateOnly? To = null, string? Interval = null) : IQuery<PriceBarsDto>
{
    public const string Daily = "1d";

    public const string Minute = "1m";

    public bool IsMinute => Interval == Minute;
}
