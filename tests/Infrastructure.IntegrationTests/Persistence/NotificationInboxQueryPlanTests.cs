using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.Infrastructure.Persistence.Readers;

namespace RiskPlatform.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// Every page of the inbox, with or without filters and cursor, is read from <c>ix_notifications_user_inbox</c> in its own
/// order: no table scan, no sort. With a cursor the search starts at it, instead of walking every newer row.
/// </summary>
[Collection(nameof(SqliteDatabaseCollection))]
public sealed class NotificationInboxQueryPlanTests(SqliteDatabaseFixture fixture)
{
    public static TheoryData<bool?, NotificationType?, bool, string> Pages => new()
    {
        { null, null, false, "SEARCH n USING INDEX ix_notifications_user_inbox (user_id=?)" },
        { false, NotificationType.RiskBreach, false, "SEARCH n USING INDEX ix_notifications_user_inbox (user_id=?)" },
        { null, null, true, "SEARCH n USING INDEX ix_notifications_user_inbox (user_id=? AND created_at<?)" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task InboxPage_SearchesTheInboxIndexInItsOrder(bool? isRead, NotificationType? type, bool withCursor, string expected)
    {
        var token = TestContext.Current.CancellationToken;
        await using var services = fixture.CreateServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        DateTime? cursor = withCursor ? new DateTime(2026, 12, 8, 0, 0, 0, DateTimeKind.Utc) : null;
        var query = NotificationInboxReader.Page.Compile()(db, Guid.NewGuid(), isRead, null, type, cursor, Guid.NewGuid(), 50, 0);

        var plan = await SqliteQueryPlan.OfAsync(db, query, token);

        Assert.Equal([expected], plan);
    }
}
