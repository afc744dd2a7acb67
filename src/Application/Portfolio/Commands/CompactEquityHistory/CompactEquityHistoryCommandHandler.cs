using System.Globalization;
using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Domain.Portfolio.Equity;

namespace RiskPlatform.Application.Portfolio.Commands.CompactEquityHistory;

/// <summary>
/// Reads the user's points in time order (ids and points only, nothing tracked), asks <see cref="EquityHistory.Compact"/> which
/// instants to keep, and deletes every other row by id in set-based statements of at most <see cref="DeleteBatch"/> rows (of
/// several rows at one instant, the last one is kept, as Compact does).
/// </summary>
internal sealed class CompactEquityHistoryCommandHandler(
    IRepository<EquitySnapshot> equityHistory,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<CompactEquityHistoryCommand, int>
{
    /// <summary>Rows deleted per statement: well under every provider's parameter limit.</summary>
    internal const int DeleteBatch = 500;

    public async Task<int> Handle(CompactEquityHistoryCommand request, CancellationToken cancellationToken)
    {
        audit.ActAs(request.UserId).Target("equity_history", request.UserId);
        var rows = await equityHistory.ListAsync(new EquitySnapshotKeysOfUserSpec(request.UserId), cancellationToken);
        var kept = EquityHistory.Compact([.. rows.Select(r => r.Point)], timeProvider.GetUtcNow().UtcDateTime, EquityHistoryPolicy.Default)
            .Select(p => p.At)
            .ToHashSet();
        var superseded = new List<Guid>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var supersededAtSameInstant = i + 1 < rows.Count && rows[i + 1].Point.At == row.Point.At;
            if (!kept.Contains(row.Point.At) || supersededAtSameInstant)
            {
                superseded.Add(row.Id);
            }
        }

        // Read as keys, deleted by id in a few set-based statements: nothing is loaded into the change tracker.
        var removed = 0;
        foreach (var batch in superseded.Chunk(DeleteBatch))
        {
            removed += await equityHistory.DeleteAsync(new EquitySnapshotsByIdsSpec(request.UserId, batch), cancellationToken);
        }

        audit.Describe(string.Create(CultureInfo.InvariantCulture, $"Compacted the equity history: {rows.Count - removed} of {rows.Count} points kept"));
        return removed;
    }
}
