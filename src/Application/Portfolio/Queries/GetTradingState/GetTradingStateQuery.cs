using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Portfolio.Common;

namespace RiskPlatform.Application.Portfolio.Queries.GetTradingState;

/// <summary>The caller's trading state as stored (no broker call, no mark).</summary>
public sealed record GetTradingStateQuery : IQuery<TradingStateDto>;
