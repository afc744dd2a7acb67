using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Paper;

namespace RiskPlatform.Infrastructure.Persistence.Readers;

/// <summary>
/// One compiled query each (they run on every quote batch): the accounts' ids come from <c>ix_paper_positions_symbol</c> and
/// <c>ix_paper_orders_symbol_status</c>, then each account is found by its key (<c>a.id IN (SELECT …)</c>). The account-side
/// form (<c>EXISTS</c> over each account's positions and orders) read every account per batch (docs/PERFORMANCE.md, "Quote
/// holders found from the symbol's rows").
/// </summary>
internal sealed class PaperHoldersReader(RiskPlatformDbContext dbContext) : IPaperHolders
{
    /// <summary>Users with a position or an open order in the symbols (its plan is tested).</summary>
    internal static readonly Expression<Func<RiskPlatformDbContext, string[], IQueryable<Guid>>> HoldingOrOrdering = (db, symbols) =>
        db.Set<PaperAccount>().AsNoTracking()
            .Where(a => db.Set<PaperPosition>()
                .Where(p => symbols.Contains(p.Symbol) && p.Quantity != 0m)
                .Select(p => p.PaperAccountId)
                .Concat(db.Set<PaperOrder>()
                    .Where(o => symbols.Contains(o.Symbol) && (o.Status == OrderStatus.New || o.Status == OrderStatus.PartiallyFilled))
                    .Select(o => o.PaperAccountId))
                .Contains(a.Id))
            .Select(a => a.UserId);

    private static readonly CompiledPerModel<Func<RiskPlatformDbContext, string[], IAsyncEnumerable<Guid>>> HoldingOrOrderingQuery =
        new(() => EF.CompileAsyncQuery(HoldingOrOrdering));

    private static readonly CompiledPerModel<Func<RiskPlatformDbContext, string[], IAsyncEnumerable<Guid>>> WithOpenOrdersQuery = new(() =>
        EF.CompileAsyncQuery((RiskPlatformDbContext db, string[] symbols) =>
            db.Set<PaperAccount>().AsNoTracking()
                .Where(a => db.Set<PaperOrder>()
                    .Where(o => symbols.Contains(o.Symbol) && (o.Status == OrderStatus.New || o.Status == OrderStatus.PartiallyFilled))
                    .Select(o => o.PaperAccountId)
                    .Contains(a.Id))
                .Select(a => a.UserId)));

    public Task<IReadOnlyList<Guid>> HoldingOrOrderingAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken) =>
        ListAsync(HoldingOrOrderingQuery, symbols, cancellationToken);

    public Task<IReadOnlyList<Guid>> WithOpenOrdersAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken) =>
        ListAsync(WithOpenOrdersQuery, symbols, cancellationToken);

    private async Task<IReadOnlyList<Guid>> ListAsync(
        CompiledPerModel<Func<RiskPlatformDbContext, string[], IAsyncEnumerable<Guid>>> query,
        IReadOnlyCollection<string> symbols,
        CancellationToken cancellationToken) =>
        await query.For(dbContext)(dbContext, [.. symbols]).ToListAsync(cancellationToken);
}
