using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Portfolio.Common;

namespace RiskPlatform.Application.Portfolio.Queries.GetTradingState;

/// <summary>The caller's trading state as in effect now (no broker call, no mark, nothing written).</summary>
public sealed record GetTradingStateQuery : IQuery<TradingStateDto>;
