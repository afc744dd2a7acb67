using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Portfolio.Commands.RunPortfolioMonitor;

/// <summary>
/// Internal (sent by the monitor worker, never by an endpoint): marks the user's portfolio, records the equity point, evaluates
/// the monitored rules against the open breach episodes and stores what the monitor decided: episodes, one breach per opened
/// episode, the trading-state change and the broker actions (an outbox executed after the commit). It runs on the account's
/// actor, so it never interleaves with the account's orders. It never changes the rules, the broker binding or the orders (its
/// actions are commands of their own, and it reads orders only): the actor judges by the rules and binding it remembers, and
/// the next order refreshes the open orders it remembers.
/// </summary>
[LeavesUnchanged(AccountMemoryPart.ActiveRules, AccountMemoryPart.PaperBinding, AccountMemoryPart.OpenOrders)]
public sealed record RunPortfolioMonitorCommand(Guid UserId) : IAccountCommand<PortfolioMonitorRun>, IServiceAccountRequest
{
    Guid IServiceAccountRequest.AccountUserId => UserId;
}
