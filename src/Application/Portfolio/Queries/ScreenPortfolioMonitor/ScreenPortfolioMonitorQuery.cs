using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Portfolio.Queries.ScreenPortfolioMonitor;

/// <summary>
/// Internal (sent by the monitor worker before a run, never by an endpoint): evaluates the account's monitored rules from what
/// its actor remembers and the latest quotes, and answers whether a <c>RunPortfolioMonitorCommand</c> has anything to store.
/// A quiet evaluation (nothing opened, observed, ended, changed state or queued; no baseline, high-water mark or drawdown moved;
/// no equity point due) stores nothing: it is a read, beside the account's commands, with no transaction and no audit row.
/// </summary>
public sealed record ScreenPortfolioMonitorQuery(Guid UserId) : IAccountQuery<PortfolioMonitorScreen>, IServiceAccountRequest
{
    Guid IServiceAccountRequest.AccountUserId => UserId;
}
