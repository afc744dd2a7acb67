using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RiskPlatform.Application.MarketData.Common;
using RiskPlatform.Domain.MarketData;

namespace RiskPlatform.Infrastructure.Persistence;

/// <summary>
/// <c>price_bar_versions</c>: advanced by an upsert that increments, one statement per batch of symbols, in the command's
/// transaction (PostgreSQL: one array parameter; SQLite: <c>INSERT … ON CONFLICT DO UPDATE</c>; SQL Server: <c>MERGE … HOLDLOCK</c>).
/// Symbols go in ordinal order, so two writers of overlapping symbols lock them in the same order.
/// </summary>
internal sealed class PriceBarVersions(RiskPlatformDbContext dbContext, UnitOfWork unitOfWork) : IPriceBarVersions
{
    /// <summary>Symbols per statement where each is a parameter: well under SQL Server's 2,100 parameters.</summary>
    private const int SymbolsPerStatement = 1000;

    public async Task AdvanceAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var ordered = symbols.Select(TradingSymbol.Normalize).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (ordered.Length == 0)
        {
            return;
        }

        await unitOfWork.ResumeAsync(cancellationToken);
        if (dbContext.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Bar versions move with the bars they describe: advance them inside a command.");
        }

        if (dbContext.Database.IsNpgsql())
        {
            await dbContext.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO price_bar_versions (symbol, version)
                SELECT s, 1 FROM unnest({ordered}::text[]) WITH ORDINALITY AS t(s, n) ORDER BY n
                ON CONFLICT (symbol) DO UPDATE SET version = price_bar_versions.version + 1
                """,
                cancellationToken);
            return;
        }

        var sqlServer = dbContext.Database.IsSqlServer();
        foreach (var chunk in ordered.Chunk(SymbolsPerStatement))
        {
            await dbContext.Database.ExecuteSqlRawAsync(sqlServer ? SqlServerMerge(chunk.Length) : SqliteUpsert(chunk.Length), chunk, cancellationToken);
        }
    }

    /// <summary>
    /// The version of each symbol that has a row (a missing symbol is at version 0), read untracked by the primary key through
    /// <paramref name="db"/>, whatever connection and transaction it has.
    /// </summary>
    public static async Task<Dictionary<string, long>> ReadAsync(
        RiskPlatformDbContext db, IReadOnlyCollection<string> symbols, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in symbols.Chunk(SymbolsPerStatement))
        {
            var rows = await db.Set<PriceBarVersion>().AsNoTracking()
                .Where(v => chunk.Contains(v.Symbol))
                .Select(v => new { v.Symbol, v.Version })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                versions[row.Symbol] = row.Version;
            }
        }

        return versions;
    }

    /// <summary>SQLite: in DO UPDATE, a bare column is the stored row's value.</summary>
    private static string SqliteUpsert(int count) =>
        $"INSERT INTO price_bar_versions (symbol, version) VALUES {Rows(count, ", 1)")} ON CONFLICT (symbol) DO UPDATE SET version = version + 1";

    /// <summary>SQL Server: HOLDLOCK keeps the key range from the match to the insert, so two writers of a new symbol never both insert it.</summary>
    private static string SqlServerMerge(int count) =>
        $"MERGE price_bar_versions WITH (HOLDLOCK) AS v USING (VALUES {Rows(count, ")")}) AS s (symbol) ON v.symbol = s.symbol "
        + "WHEN MATCHED THEN UPDATE SET version = v.version + 1 "
        + "WHEN NOT MATCHED THEN INSERT (symbol, version) VALUES (s.symbol, 1);";

    /// <summary>"({0}…), ({1}…), …": one row per symbol, each symbol a parameter.</summary>
    private static string Rows(int count, string afterSymbol) =>
        string.Join(", ", Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"({{{i}}}{afterSymbol}")));
}
