using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Domain.Portfolio.Monitoring;

namespace RiskPlatform.Application.Portfolio.Commands.ExecuteMonitorAction;

/// <summary>
/// Internal (sent by <see cref="Monitoring.MonitorActionRunner"/> after the monitor's commit, and on retries): executes one pending
/// monitor action at the broker. Idempotent: a finished action does nothing, a liquidation already recorded is not sent again,
/// and the broker port is idempotent on the liquidation's client order id. Returns the action's status afterwards. It runs on
/// the actor of the account that owns the action (<paramref name="UserId"/>; another account's action is not found).
/// </summary>
public sealed record ExecuteMonitorActionCommand(Guid UserId, Guid ActionId) : IAccountCommand<MonitorActionStatus>, IServiceAccountRequest
{
    Guid IServiceAccountRequest.AccountUserId => UserId;
}
