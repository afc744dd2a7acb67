using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Portfolio.Common;

namespace RiskPlatform.Application.Portfolio.Queries.GetTradingState;

/// <summary>
/// The caller's trading state as in effect now (no broker call, no mark, nothing written), answered on the account's actor from
/// the portfolio state it remembers.
/// </summary>
public sealed record GetTradingStateQuery : IAccountQuery<TradingStateDto>;
