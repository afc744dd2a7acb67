using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Portfolio.Common;

namespace RiskPlatform.Application.Portfolio.Queries.GetTradingDayConvention;

/// <summary>The caller's trading-day convention (us_equities until chosen) and the trading day it gives now.</summary>
public sealed record GetTradingDayConventionQuery : IQuery<TradingDayConventionDto>;
