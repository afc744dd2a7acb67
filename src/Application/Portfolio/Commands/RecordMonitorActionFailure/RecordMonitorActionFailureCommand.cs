using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Domain.Portfolio.Monitoring;

namespace RiskPlatform.Application.Portfolio.Commands.RecordMonitorActionFailure;

/// <summary>
/// Internal: records a failed attempt of a monitor action (its execution was rolled back); the action stays pending for a retry
/// until <see cref="Monitoring.MonitoringOptions.MaxActionAttempts"/>, then fails. Returns the action's status afterwards. It runs
/// on the actor of the account that owns the action.
/// </summary>
public sealed record RecordMonitorActionFailureCommand(Guid UserId, Guid ActionId, string Error)
    : IAccountCommand<MonitorActionStatus>, IServiceAccountRequest
{
    Guid IServiceAccountRequest.AccountUserId => UserId;
}
