using Microsoft.EntityFrameworkCore;

namespace RiskPlatform.Infrastructure.IntegrationTests.Persistence;

/// <summary>SQLite's plan for the SQL that EF Core sends for a query: one <c>EXPLAIN QUERY PLAN</c> step per row, as SQLite words it.</summary>
internal static class SqliteQueryPlan
{
    public static async Task<IReadOnlyList<string>> OfAsync(DbContext db, IQueryable query, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }
}
