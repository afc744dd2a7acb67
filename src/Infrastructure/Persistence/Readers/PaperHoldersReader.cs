using Microsoft.EntityFrameworkCore;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Paper;

namespace RiskPlatform.Infrastructure.Persistence.Readers;

/// <summary>
/// One query each: the accounts' ids come from <c>ix_paper_positions_symbol</c> and <c>ix_paper_orders_symbol_status</c>, then
/// each account is found by its key (<c>a.id IN (SELECT …)</c>). The account-side form (<c>EXISTS</c> over each account's
/// positions and orders) read every account per quote batch (docs/PERFORMANCE.md, "Quote holders found from the symbol's rows").
/// </summary>
internal sealed class PaperHoldersReader(RiskPlatformDbContext dbContext) : IPaperHolders
{
    public async Task<IReadOnlyList<Guid>> HoldingOrOrderingAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken) =>
        await HoldingOrOrdering(symbols).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Guid>> WithOpenOrdersAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken) =>
        await UsersOf(OpenOrderAccounts([.. symbols])).ToListAsync(cancellationToken);

    /// <summary>The query of <see cref="HoldingOrOrderingAsync"/> (its plan is tested).</summary>
    internal IQueryable<Guid> HoldingOrOrdering(IReadOnlyCollection<string> symbols)
    {
        string[] named = [.. symbols];
        var positions = dbContext.Set<PaperPosition>().Where(p => named.Contains(p.Symbol) && p.Quantity != 0m).Select(p => p.PaperAccountId);
        return UsersOf(positions.Concat(OpenOrderAccounts(named)));
    }

    private IQueryable<Guid> OpenOrderAccounts(string[] symbols) =>
        dbContext.Set<PaperOrder>()
            .Where(o => symbols.Contains(o.Symbol) && (o.Status == OrderStatus.New || o.Status == OrderStatus.PartiallyFilled))
            .Select(o => o.PaperAccountId);

    private IQueryable<Guid> UsersOf(IQueryable<Guid> accountIds) =>
        dbContext.Set<PaperAccount>().AsNoTracking().Where(a => accountIds.Contains(a.Id)).Select(a => a.UserId);
}
