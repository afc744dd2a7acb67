using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Portfolio.Commands.CompactEquityHistory;

/// <summary>
/// Internal (sent by the monitor scheduler every <see cref="Monitoring.MonitoringOptions.CompactionInterval"/>): thins the user's
/// equity history per <see cref="Domain.Portfolio.Equity.EquityHistoryPolicy"/> (every point for an hour, one per minute for a day, one
/// per hour for a year, at most 10,000). Returns how many points were deleted.
/// </summary>
public sealed record CompactEquityHistoryCommand(Guid UserId) : ICommand<int>;
