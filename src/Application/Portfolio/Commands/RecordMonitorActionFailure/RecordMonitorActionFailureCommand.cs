using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Domain.Portfolio;

namespace RiskPlatform.Application.Portfolio.Commands.RecordMonitorActionFailure;

/// <summary>
/// Internal: records a failed attempt of a monitor action (its execution was rolled back); the action stays pending for a retry
/// until <see cref="Monitoring.MonitoringOptions.MaxActionAttempts"/>, then fails. Returns the action's status afterwards.
/// </summary>
public sealed record RecordMonitorActionFailureCommand(Guid ActionId, string Error) : ICommand<MonitorActionStatus>;
