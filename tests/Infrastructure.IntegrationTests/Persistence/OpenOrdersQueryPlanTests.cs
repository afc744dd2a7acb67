using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.Trading.Orders;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.Infrastructure.Persistence.Repositories;

namespace RiskPlatform.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The pre-trade refresh's read of a user's open orders, oldest first, searches the partial index of open orders on SQLite.
/// Its ORDER BY with a LIMIT made the planner walk the user's whole history by submission time instead, about 200 page reads
/// after 260 orders (docs/decisions/037).
/// </summary>
[Collection(nameof(SqliteDatabaseCollection))]
public sealed class OpenOrdersQueryPlanTests(SqliteDatabaseFixture fixture)
{
    [Fact]
    public async Task OpenOrdersOfAUser_OldestFirst_SearchTheOpenOrdersIndex_NotTheHistory()
    {
        var token = TestContext.Current.CancellationToken;
        await using var services = fixture.CreateServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        var query = SpecificationEvaluator.Apply(db.Set<Order>().AsNoTracking(), new OpenOrdersForUserSpec(Guid.NewGuid(), 50));

        var plan = await SqliteQueryPlan.OfAsync(db, query, token);

        Assert.Equal(["SEARCH o USING INDEX ix_orders_user_open_submitted (user_id=?)"], plan);
    }
}
