using RiskPlatform.Application.BrokerBindings.Common;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.BrokerBindings.Queries.GetTradingAccount;

/// <summary>The caller's broker binding as stored (no broker call); paper when they never chose.</summary>
public sealed record GetTradingAccountQuery : IQuery<TradingAccountDto>;
