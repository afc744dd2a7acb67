using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Trading.Paper.Events;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Api.FunctionalTests.Notifications;

public abstract class NotificationInboxTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private const string Root = "/api/v1/notifications";

    /// <summary>A seeded notification (medium priority, defaults, no SMTP) has work on in_app and websocket only.</summary>
    private const int RowsPerSeededNotification = 2;

    [Fact]
    public async Task List_ReturnsTheCallersNotificationsNewestFirstInTheWireShape()
    {
        var client = await SignedInAsync();
        var other = await SignedInAsync();
        var first = await Fixture.CreateAsync(client.UserId, NotificationType.OrderFilled, NotificationPriority.High, "First", """{"symbol":"AAPL","qty":10,"nested":{"a":[1,2]}}""");
        var second = await Fixture.CreateAsync(client.UserId, NotificationType.RiskBreach, NotificationPriority.Urgent, "Second");
        await Fixture.CreateAsync(other.UserId);

        var rows = (await client.GetAsync(Root)).EnsureStatus(HttpStatusCode.OK).Array;

        Assert.Equal([second, first], rows.Select(Id));
        var row = rows[1]!;
        Assert.Equal(client.UserId.ToString(), row["user_id"]!.GetValue<string>());
        Assert.Equal("order_filled", row["type"]!.GetValue<string>());
        Assert.Equal("high", row["priority"]!.GetValue<string>());
        Assert.Equal("First", row["title"]!.GetValue<string>());
        Assert.Equal("AAPL", row["data"]!["symbol"]!.GetValue<string>());
        Assert.Equal(2, row["data"]!["nested"]!["a"]![1]!.GetValue<int>());
        Assert.Null(row["data_json"]);
        Assert.False(row["is_read"]!.GetValue<bool>());
        Assert.Null(row["read_at"]);
        Assert.Equal(["in_app"], row["sent_via"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.EndsWith("Z", row["delivered_at"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("Z", row["created_at"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(row.AsObject().ContainsKey("expires_at"));
        Assert.True(row.AsObject().ContainsKey("order_id"));
        Assert.Equal(JsonValueKind.Object, rows[0]!["data"]!.GetValueKind());
        Assert.Empty(rows[0]!["data"]!.AsObject());
    }

    [Fact]
    public async Task List_FiltersByReadStatePriorityAndType()
    {
        var client = await SignedInAsync();
        var filled = await Fixture.CreateAsync(client.UserId, NotificationType.OrderFilled, NotificationPriority.Low);
        var breach = await Fixture.CreateAsync(client.UserId, NotificationType.RiskBreach, NotificationPriority.Urgent);
        var alert = await Fixture.CreateAsync(client.UserId, NotificationType.SystemAlert, NotificationPriority.Low);
        (await client.PutAsync($"{Root}/{alert}/read")).EnsureStatus(HttpStatusCode.OK);

        Assert.Equal([alert], await IdsAsync(client, "?is_read=true"));
        Assert.Equal([breach, filled], await IdsAsync(client, "?is_read=false"));
        Assert.Equal([alert, filled], await IdsAsync(client, "?priority=low"));
        Assert.Equal([breach], await IdsAsync(client, "?type=risk_breach"));
        Assert.Equal([breach], await IdsAsync(client, "?type_filter=risk_breach"));
        Assert.Equal([filled], await IdsAsync(client, "?type=order_filled&is_read=false&priority=low"));
        Assert.Empty(await IdsAsync(client, "?type=order_filled&priority=urgent"));
    }

    [Fact]
    public async Task List_PagesByOffsetAndByBeforeCursorConsistently()
    {
        var client = await SignedInAsync();
        for (var i = 0; i < 7; i++)
        {
            await Fixture.CreateAsync(client.UserId, title: $"n{i}");
        }

        var all = await IdsAsync(client, string.Empty);
        var defaultPage = (await client.GetAsync($"{Root}?limit=3")).Array;
        var secondPage = await IdsAsync(client, "?limit=3&offset=3");
        var afterCursor = await IdsAsync(client, $"?limit=3&before={all[2]}");
        var lastPage = await IdsAsync(client, $"?before={all[5]}");
        var afterLast = await IdsAsync(client, $"?before={all[6]}");

        Assert.Equal(7, all.Count);
        Assert.Equal(all.Take(3), defaultPage.Select(Id));
        Assert.Equal(all.Skip(3).Take(3), secondPage);
        Assert.Equal(all.Skip(3).Take(3), afterCursor);
        Assert.Equal([all[6]], lastPage);
        Assert.Empty(afterLast);
    }

    [Fact]
    public async Task List_WhenManyShareTheSameInstant_TheCursorStillVisitsEachRowOnce()
    {
        var client = await SignedInAsync();
        for (var i = 0; i < 5; i++)
        {
            await Fixture.CreateAsync(client.UserId, title: $"n{i}");
        }

        // Force a tie on created_at: the id breaks it, in the same order as the listing.
        await Fixture.ExecuteAsync("UPDATE notifications SET created_at = (SELECT MIN(created_at) FROM notifications)");
        var all = await IdsAsync(client, string.Empty);

        var visited = new List<Guid>();
        Guid? cursor = null;
        while (true)
        {
            var page = await IdsAsync(client, cursor is null ? "?limit=2" : $"?limit=2&before={cursor}");
            if (page.Count == 0)
            {
                break;
            }

            visited.AddRange(page);
            cursor = page[^1];
        }

        Assert.Equal(all, visited);
        Assert.Equal(all.OrderDescending(), all);
    }

    [Fact]
    public async Task List_WithAnotherUsersNotificationAsCursor_Returns400NamingBefore()
    {
        var client = await SignedInAsync();
        var other = await SignedInAsync();
        var theirs = await Fixture.CreateAsync(other.UserId);

        (await client.GetAsync($"{Root}?before={theirs}")).EnsureValidationError("before");
    }

    [Fact]
    public async Task Stats_CountsUnreadByTypeAndPriorityAndRecent()
    {
        var client = await SignedInAsync();
        var other = await SignedInAsync();
        await Fixture.CreateAsync(client.UserId, NotificationType.OrderFilled, NotificationPriority.Low);
        await Fixture.CreateAsync(client.UserId, NotificationType.OrderFilled, NotificationPriority.High);
        await Fixture.CreateAsync(client.UserId, NotificationType.RiskBreach, NotificationPriority.Urgent);
        var read = await Fixture.CreateAsync(client.UserId, NotificationType.SystemAlert, NotificationPriority.Low);
        var old = await Fixture.CreateAsync(client.UserId, NotificationType.DailySummary, NotificationPriority.Low);
        await Fixture.CreateAsync(other.UserId, NotificationType.OrderFilled, NotificationPriority.Low);
        (await client.PutAsync($"{Root}/{read}/read")).EnsureStatus(HttpStatusCode.OK);
        await Fixture.ExecuteAsync($"UPDATE notifications SET created_at = {Fixture.DaysBefore("created_at", 2)} WHERE id = {Fixture.Literal(old)}");

        var stats = (await client.GetAsync($"{Root}/stats")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal(4, stats["total_unread"]!.GetValue<int>());
        Assert.Equal(4, stats["recent_count"]!.GetValue<int>());
        var byType = stats["by_type"]!.AsObject();
        Assert.Equal(Enum.GetValues<NotificationType>().Length, byType.Count);
        Assert.Equal(2, byType["order_filled"]!.GetValue<int>());
        Assert.Equal(1, byType["risk_breach"]!.GetValue<int>());
        Assert.Equal(1, byType["daily_summary"]!.GetValue<int>());
        Assert.Equal(0, byType["system_alert"]!.GetValue<int>());
        var byPriority = stats["by_priority"]!.AsObject();
        Assert.Equal(["low", "medium", "high", "urgent"], byPriority.Select(p => p.Key));
        Assert.Equal([2, 0, 1, 1], byPriority.Select(p => p.Value!.GetValue<int>()));
    }

    [Fact]
    public async Task MarkRead_SetsReadAtOnceAndReturnsTheNotification()
    {
        var client = await SignedInAsync();
        var id = await Fixture.CreateAsync(client.UserId);

        var first = (await client.PutAsync($"{Root}/{id}/read")).EnsureStatus(HttpStatusCode.OK).Body!;
        var stored = (await client.GetAsync($"{Root}/{id}")).EnsureStatus(HttpStatusCode.OK).Body!;
        var again = (await client.PutAsync($"{Root}/{id}/read")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.True(first["is_read"]!.GetValue<bool>());
        Assert.NotNull(first["read_at"]);
        Assert.True(stored["is_read"]!.GetValue<bool>());

        // The second call keeps the first read_at (as stored: PostgreSQL keeps microseconds).
        Assert.Equal(stored["read_at"]!.GetValue<DateTime>(), again["read_at"]!.GetValue<DateTime>());
        Assert.Equal(first["read_at"]!.GetValue<DateTime>(), stored["read_at"]!.GetValue<DateTime>(), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task MarkAllRead_MarksTheCallersUnreadOptionallyOfOneTypeAndReportsTheCount()
    {
        var client = await SignedInAsync();
        var other = await SignedInAsync();
        await Fixture.CreateAsync(client.UserId, NotificationType.OrderFilled);
        await Fixture.CreateAsync(client.UserId, NotificationType.OrderFilled);
        await Fixture.CreateAsync(client.UserId, NotificationType.RiskBreach);
        await Fixture.CreateAsync(other.UserId, NotificationType.OrderFilled);

        var ofType = (await client.PutAsync($"{Root}/mark-all-read?type=order_filled")).EnsureStatus(HttpStatusCode.OK).Body!;
        var rest = (await client.PutAsync($"{Root}/mark-all-read")).EnsureStatus(HttpStatusCode.OK).Body!;
        var none = (await client.PutAsync($"{Root}/mark-all-read")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal(2, ofType["count"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(ofType["message"]!.GetValue<string>()));
        Assert.Equal(1, rest["count"]!.GetValue<int>());
        Assert.Equal(0, none["count"]!.GetValue<int>());
        Assert.Equal(0, (await client.GetAsync($"{Root}/stats")).Body!["total_unread"]!.GetValue<int>());
        Assert.Equal(1, (await other.GetAsync($"{Root}/stats")).Body!["total_unread"]!.GetValue<int>());
        Assert.Equal(0, await Fixture.CountAsync($"SELECT COUNT(*) FROM notifications WHERE is_read = {True(Fixture.Provider)} AND read_at IS NULL"));
    }

    [Fact]
    public async Task Delete_Returns204AndRemovesTheNotificationWithItsDeliveries()
    {
        var client = await SignedInAsync();
        var id = await Fixture.CreateAsync(client.UserId);
        var kept = await Fixture.CreateAsync(client.UserId);

        (await client.DeleteAsync($"{Root}/{id}")).EnsureStatus(HttpStatusCode.NoContent);

        (await client.GetAsync($"{Root}/{id}")).EnsureProblem(HttpStatusCode.NotFound);
        (await client.DeleteAsync($"{Root}/{id}")).EnsureProblem(HttpStatusCode.NotFound);
        Assert.Equal(0, await Fixture.CountAsync($"SELECT COUNT(*) FROM notification_deliveries WHERE notification_id = {Fixture.Literal(id)}"));
        Assert.Equal(RowsPerSeededNotification, await Fixture.CountAsync($"SELECT COUNT(*) FROM notification_deliveries WHERE notification_id = {Fixture.Literal(kept)}"));
    }

    [Fact]
    public async Task ClearAll_DeletesOnlyTheCallersReadNotificationsAndReportsTheCount()
    {
        var client = await SignedInAsync();
        var other = await SignedInAsync();
        var read1 = await Fixture.CreateAsync(client.UserId);
        var read2 = await Fixture.CreateAsync(client.UserId);
        var unread = await Fixture.CreateAsync(client.UserId);
        var theirs = await Fixture.CreateAsync(other.UserId);
        (await client.PutAsync($"{Root}/{read1}/read")).EnsureStatus(HttpStatusCode.OK);
        (await client.PutAsync($"{Root}/{read2}/read")).EnsureStatus(HttpStatusCode.OK);
        (await other.PutAsync($"{Root}/{theirs}/read")).EnsureStatus(HttpStatusCode.OK);

        var cleared = (await client.DeleteAsync($"{Root}/clear-all")).EnsureStatus(HttpStatusCode.OK).Body!;
        var again = (await client.DeleteAsync($"{Root}/clear-all")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal(2, cleared["count"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(cleared["message"]!.GetValue<string>()));
        Assert.Equal(0, again["count"]!.GetValue<int>());
        Assert.Equal([unread], await IdsAsync(client, string.Empty));
        Assert.Equal([theirs], await IdsAsync(other, string.Empty));
        Assert.Equal(RowsPerSeededNotification * 2, await Fixture.CountAsync("SELECT COUNT(*) FROM notification_deliveries"));
    }

    [Fact]
    public async Task AnotherUsersNotification_Is404ForGetReadAndDeleteAndIsLeftAlone()
    {
        var client = await SignedInAsync();
        var other = await SignedInAsync();
        var theirs = await Fixture.CreateAsync(other.UserId);

        (await client.GetAsync($"{Root}/{theirs}")).EnsureProblem(HttpStatusCode.NotFound);
        (await client.PutAsync($"{Root}/{theirs}/read")).EnsureProblem(HttpStatusCode.NotFound);
        (await client.DeleteAsync($"{Root}/{theirs}")).EnsureProblem(HttpStatusCode.NotFound);
        (await client.GetAsync($"{Root}/{Guid.NewGuid()}")).EnsureProblem(HttpStatusCode.NotFound);

        var row = (await other.GetAsync($"{Root}/{theirs}")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.False(row["is_read"]!.GetValue<bool>());
        Assert.Equal(2, await Fixture.CountAsync("SELECT COUNT(*) FROM audit_logs WHERE action IN ('MarkNotificationRead', 'DeleteNotification') AND outcome = 'denied'"));
    }

    [Fact]
    public async Task LiteralRoutes_AreNeverCapturedByTheIdRoute()
    {
        var client = await SignedInAsync();
        await Fixture.CreateAsync(client.UserId);

        Assert.NotNull((await client.GetAsync($"{Root}/stats")).EnsureStatus(HttpStatusCode.OK).Body!["total_unread"]);
        Assert.NotNull((await client.PutAsync($"{Root}/mark-all-read")).EnsureStatus(HttpStatusCode.OK).Body!["count"]);
        Assert.NotNull((await client.DeleteAsync($"{Root}/clear-all")).EnsureStatus(HttpStatusCode.OK).Body!["count"]);
        Assert.IsType<JsonArray>((await client.GetAsync($"{Root}/preferences")).EnsureStatus(HttpStatusCode.OK).Body);
        (await client.GetAsync($"{Root}/not-a-uuid")).EnsureStatus(HttpStatusCode.NotFound);
        (await client.GetAsync($"{Root}/123")).EnsureStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheNotificationEndpoints()
    {
        var document = (await Anonymous().GetAsync("/openapi/v1.json")).EnsureStatus(HttpStatusCode.OK).Body!;

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/notifications/stats", paths);
        Assert.Contains("/api/v1/notifications/{id}/read", paths);
        Assert.Contains("/api/v1/notifications/clear-all", paths);
        Assert.Contains("/api/v1/notifications/preferences/set-defaults", paths);
        Assert.Contains("/api/v1/notifications/preferences/{id}", paths);
        var dto = document["components"]!["schemas"]!["NotificationDto"]!["properties"]!.AsObject();
        Assert.True(dto.ContainsKey("data"));
        Assert.False(dto.ContainsKey("data_json"));
    }

    [Fact]
    public async Task Endpoints_RequireASignedInCaller()
    {
        (await Anonymous().GetAsync(Root)).EnsureStatus(HttpStatusCode.Unauthorized);
        (await Anonymous().GetAsync($"{Root}/stats")).EnsureStatus(HttpStatusCode.Unauthorized);
        (await Anonymous().PostAsync($"{Root}/test")).EnsureStatus(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("limit=ten", "limit")]
    [InlineData("priority=extreme", "priority")]
    [InlineData("priority=HIGH", "priority")]
    [InlineData("type=order_exploded", "type")]
    [InlineData("type_filter=OrderFilled", "type_filter")]
    [InlineData("type=order_filled&type_filter=risk_breach", "type_filter")]
    [InlineData("is_read=maybe", "is_read")]
    [InlineData("before=not-a-uuid", "before")]
    [InlineData("before=00000000-0000-0000-0000-000000000000", "before")]
    public async Task List_WithBadQuery_Returns400NamingTheField(string query, string field)
    {
        var client = await SignedInAsync();

        (await client.GetAsync($"{Root}?{query}")).EnsureValidationError(field);
    }

    [Fact]
    public async Task MarkAllRead_WithUnknownType_Returns400NamingType()
    {
        var client = await SignedInAsync();

        (await client.PutAsync($"{Root}/mark-all-read?type=nope")).EnsureValidationError("type");
    }

    private static Guid Id(JsonNode? row) => row!["id"]!.GetValue<Guid>();

    private static async Task<List<Guid>> IdsAsync(ApiClient client, string query) =>
        [.. (await client.GetAsync($"{Root}{query}")).EnsureStatus(HttpStatusCode.OK).Array.Select(Id)];

    private static string True(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? "1" : "TRUE";

}

[Collection(nameof(SqliteCollection))]
public sealed class NotificationInboxTestsOnSqlite(SqliteApiFixture fixture) : NotificationInboxTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class NotificationInboxTestsOnPostgres(PostgresApiFixture fixture) : NotificationInboxTests(fixture);
