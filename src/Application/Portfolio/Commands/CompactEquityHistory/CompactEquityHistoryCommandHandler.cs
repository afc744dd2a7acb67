using System.Globalization;
using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Domain.Portfolio;

namespace RiskPlatform.Application.Portfolio.Commands.CompactEquityHistory;

/// <summary>
/// Loads the user's points in time order, asks <see cref="EquityHistory.Compact"/> which instants to keep, and removes every other
/// row (of several rows at one instant, the last one is kept, as Compact does).
/// </summary>
internal sealed class CompactEquityHistoryCommandHandler(
    IRepository<EquitySnapshot> equityHistory,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<CompactEquityHistoryCommand, int>
{
    public async Task<int> Handle(CompactEquityHistoryCommand request, CancellationToken cancellationToken)
    {
        audit.ActAs(request.UserId).Target("equity_history", request.UserId);
        var rows = await equityHistory.ListAsync(new EquitySnapshotsOfUserSpec(request.UserId), cancellationToken);
        var kept = EquityHistory.Compact([.. rows.Select(r => r.ToPoint())], timeProvider.GetUtcNow().UtcDateTime, EquityHistoryPolicy.Default)
            .Select(p => p.At)
            .ToHashSet();
        var removed = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var supersededAtSameInstant = i + 1 < rows.Count && rows[i + 1].At == row.At;
            if (!kept.Contains(row.At) || supersededAtSameInstant)
            {
                equityHistory.Remove(row);
                removed++;
            }
        }

        audit.Describe(string.Create(CultureInfo.InvariantCulture, $"Compacted the equity history: {rows.Count - removed} of {rows.Count} points kept"));
        return removed;
    }
}
