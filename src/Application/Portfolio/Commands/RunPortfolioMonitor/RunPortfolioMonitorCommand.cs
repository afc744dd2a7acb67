using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Portfolio.Commands.RunPortfolioMonitor;

/// <summary>
/// Internal (sent by the monitor worker, never by an endpoint): marks the user's portfolio, records the equity point, evaluates
/// the monitored rules against the open breach episodes and stores what the monitor decided: episodes, one breach per opened
/// episode, the trading-state change and the broker actions (an outbox executed after the commit). It runs on the account's
/// actor, so it never interleaves with the account's orders.
/// </summary>
public sealed record RunPortfolioMonitorCommand(Guid UserId) : IAccountCommand<PortfolioMonitorRun>, IServiceAccountCommand
{
    Guid IServiceAccountCommand.AccountUserId => UserId;
}
