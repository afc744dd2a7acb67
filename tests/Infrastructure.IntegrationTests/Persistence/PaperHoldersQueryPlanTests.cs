using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.Infrastructure.Persistence.Readers;

namespace RiskPlatform.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// A quote batch finds the holders of its symbols through the symbols' positions and open orders, then each account by its
/// key. The account-side form scanned every paper account per batch, so a node's quotes slowed with every account it had,
/// holders or not (docs/PERFORMANCE.md, "Quote holders found from the symbol's rows").
/// </summary>
[Collection(nameof(SqliteDatabaseCollection))]
public sealed class PaperHoldersQueryPlanTests(SqliteDatabaseFixture fixture)
{
    [Fact]
    public async Task HoldersOfQuotedSymbols_SearchTheSymbolIndexesAndTheAccountKey_NeverScanATable()
    {
        var token = TestContext.Current.CancellationToken;
        await using var services = fixture.CreateServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        var query = PaperHoldersReader.HoldingOrOrdering.Compile()(db, ["AAPL", "MSFT"]);

        var plan = await SqliteQueryPlan.OfAsync(db, query, token);

        // The account-side form planned as: SCAN p | CORRELATED SCALAR SUBQUERY 1 | SEARCH p0 USING INDEX
        // ux_paper_positions_account_symbol (paper_account_id=? AND symbol=?) | CORRELATED SCALAR SUBQUERY 2 | …
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
        Assert.Contains("SEARCH p USING INDEX sqlite_autoindex_paper_accounts_1 (id=?)", plan);
        Assert.Contains("SEARCH p0 USING INDEX ix_paper_positions_symbol (symbol=?)", plan);
        Assert.Contains("SEARCH p1 USING INDEX ix_paper_orders_symbol_status (symbol=? AND status=?)", plan);
    }
}
