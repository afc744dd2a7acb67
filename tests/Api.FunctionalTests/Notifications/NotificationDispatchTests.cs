using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Events;
using RiskPlatform.Domain.Trading.Paper.Events;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.ApiKeys.Events;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Events;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Notifications;

public abstract class NotificationDispatchTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private const string Root = "/api/v1/notifications";
    private const string Zone = "America/New_York";

    [Fact]
    public async Task Test_WithDefaultsAndNoSmtp_StoresASystemAlertWithRowsOnlyForChannelsWithWork()
    {
        var client = await SignedInAsync();

        var response = (await client.PostAsync($"{Root}/test")).EnsureStatus(HttpStatusCode.Created);

        var notification = response.Body!["notification"]!;
        var id = notification["id"]!.GetValue<Guid>();
        Assert.Equal($"{Root}/{id}", response.Headers.Location!.ToString());
        Assert.Equal("system_alert", notification["type"]!.GetValue<string>());
        Assert.Equal("high", notification["priority"]!.GetValue<string>());
        Assert.Equal(["in_app"], notification["sent_via"]!.AsArray().Select(c => c!.GetValue<string>()));
        var deliveries = Deliveries(response.Body);
        Assert.Equal(("sent", "stored_in_app"), deliveries["in_app"]);
        // Nobody is connected to this one node (no backplane): the websocket row is settled at once, nothing is pushed.
        Assert.Equal(("suppressed", "not_connected"), deliveries["websocket"]);
        // Email is not configured, sms and push are off by default, no webhook is registered: no rows for them.
        Assert.Equal(["in_app", "websocket"], deliveries.Keys.Order(StringComparer.Ordinal));
        foreach (var delivery in response.Body!["deliveries"]!.AsArray())
        {
            // The in-app row was delivered by storing it (one attempt); the websocket row was never tried.
            Assert.Equal(delivery!["channel"]!.GetValue<string>() == "in_app" ? 1 : 0, delivery["attempts"]!.GetValue<int>());
            Assert.True(delivery.AsObject().TryGetPropertyValue("last_error", out var lastError), "every delivery has last_error");
            Assert.Null(lastError);
        }

        // The rows are committed with the notification (the outbox the email worker reads).
        Assert.Equal(2, await Fixture.CountAsync($"SELECT COUNT(*) FROM notification_deliveries WHERE notification_id = {Fixture.Literal(id)}"));
        Assert.Equal(1, await Fixture.CountAsync($"SELECT COUNT(*) FROM notification_deliveries WHERE notification_id = {Fixture.Literal(id)} AND channel = 'Websocket' AND status = 'Suppressed' AND status_reason = 'not_connected' AND next_attempt_at IS NULL"));
        Assert.Equal(id, (await client.GetAsync(Root)).Array.Single()!["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Test_FollowsTheCallersPreferences()
    {
        var client = await SignedInAsync();
        await CreatePreferenceAsync(client, new { notification_type = "system_alert", channel = "email", is_enabled = false });
        await CreatePreferenceAsync(client, new { notification_type = "system_alert", channel = "websocket", min_priority = "urgent" });
        await CreatePreferenceAsync(client, new { notification_type = "system_alert", channel = "sms", is_enabled = true, min_priority = "low" });

        var deliveries = Deliveries((await client.PostAsync($"{Root}/test", new { priority = "medium" })).EnsureStatus(HttpStatusCode.Created).Body);

        // Email off, websocket below its minimum priority, sms enabled but not configured: only the in-app row.
        Assert.Equal(("sent", "stored_in_app"), deliveries["in_app"]);
        Assert.Equal(["in_app"], deliveries.Keys);
    }

    [Fact]
    public async Task Test_InQuietHoursWithSmtp_SchedulesEmailForTheWindowEndAndSuppressesTheWebsocket()
    {
        var pusher = new RecordingNotificationPusher();
        await using var factory = ConfiguredFactory(pusher);
        var client = new ApiClient(factory.CreateClient());
        var address = $"quiet-{Guid.NewGuid():N}@example.com";
        await client.SignInAsNewUserAsync(address, "Correct-Horse-42");
        await VerifiedContacts.VerifyAsync(factory.Services, client.UserId, NotificationChannel.Email, address);
        var (start, end) = WindowAroundNow();
        await CreatePreferenceAsync(client, new { notification_type = "system_alert", channel = "email", quiet_hours_enabled = true, quiet_start_hour = start, quiet_end_hour = end, time_zone = Zone });
        await CreatePreferenceAsync(client, new { notification_type = "system_alert", channel = "websocket", quiet_hours_enabled = true, quiet_start_hour = start, quiet_end_hour = end, time_zone = Zone });

        var body = (await client.PostAsync($"{Root}/test")).EnsureStatus(HttpStatusCode.Created).Body!;

        var createdAt = body["notification"]!["created_at"]!.GetValue<DateTime>().ToUniversalTime();
        var email = DeliveryRow(body, "email");
        Assert.Equal("scheduled", email["status"]!.GetValue<string>());
        Assert.Equal("quiet_hours", email["status_reason"]!.GetValue<string>());
        Assert.Equal(QuietHours.Create(start, end, Zone).EndOfWindowUtc(createdAt), email["next_attempt_at"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(address, email["recipient"]!.GetValue<string>());
        Assert.Equal(("suppressed", "quiet_hours"), Deliveries(body)["websocket"]);

        // Nothing goes out over the websocket in quiet hours; the unread count is still kept in sync.
        Assert.Empty(pusher.Notifications);
        Assert.Equal([(client.UserId, 1)], pusher.UnreadCounts);
    }

    [Fact]
    public async Task Test_WhenUrgent_BypassesQuietHoursAndUsesTheOverrideAddress()
    {
        var pusher = new RecordingNotificationPusher();
        await using var factory = ConfiguredFactory(pusher);
        var client = new ApiClient(factory.CreateClient());
        await client.SignInAsNewUserAsync($"urgent-{Guid.NewGuid():N}@example.com", "Correct-Horse-42");
        await VerifiedContacts.VerifyAsync(factory.Services, client.UserId, NotificationChannel.Email, "Pager@Example.com");
        var (start, end) = WindowAroundNow();
        await CreatePreferenceAsync(client, new { notification_type = "system_alert", channel = "email", quiet_hours_enabled = true, quiet_start_hour = start, quiet_end_hour = end, time_zone = Zone, email = "pager@example.com" });

        var body = (await client.PostAsync($"{Root}/test", new { priority = "urgent" })).EnsureStatus(HttpStatusCode.Created).Body!;

        var email = DeliveryRow(body, "email");
        Assert.Equal("pending", email["status"]!.GetValue<string>());
        Assert.Equal("pager@example.com", email["recipient"]!.GetValue<string>());
        var id = body["notification"]!["id"]!.GetValue<Guid>();
        var pushed = Assert.Single(pusher.Notifications);
        Assert.Equal(client.UserId, pushed.UserId);
        Assert.Equal(id, pushed.Notification.Id);
        Assert.Equal(NotificationPriority.Urgent, pushed.Notification.Priority);
    }

    [Fact]
    public async Task ReadDeleteAndClearAll_PushTheCommittedUnreadCount()
    {
        var pusher = new RecordingNotificationPusher();
        await using var factory = ConfiguredFactory(pusher);
        var client = new ApiClient(factory.CreateClient());
        await client.SignInAsNewUserAsync($"count-{Guid.NewGuid():N}@example.com", "Correct-Horse-42");
        var first = (await client.PostAsync($"{Root}/test")).Body!["notification"]!["id"]!.GetValue<Guid>();
        var second = (await client.PostAsync($"{Root}/test")).Body!["notification"]!["id"]!.GetValue<Guid>();
        await client.PostAsync($"{Root}/test");

        (await client.PutAsync($"{Root}/{first}/read")).EnsureStatus(HttpStatusCode.OK);
        (await client.PutAsync($"{Root}/{first}/read")).EnsureStatus(HttpStatusCode.OK);
        (await client.DeleteAsync($"{Root}/{second}")).EnsureStatus(HttpStatusCode.NoContent);
        (await client.PutAsync($"{Root}/mark-all-read")).EnsureStatus(HttpStatusCode.OK);
        (await client.DeleteAsync($"{Root}/{first}")).EnsureStatus(HttpStatusCode.NoContent); // a read one: the count is pushed anyway
        (await client.DeleteAsync($"{Root}/clear-all")).EnsureStatus(HttpStatusCode.OK);

        Assert.Equal([1, 2, 3, 2, 1, 0, 0, 0], pusher.UnreadCounts.Select(c => c.UnreadCount));
        Assert.Equal(3, pusher.Notifications.Count);
    }

    [Fact]
    public async Task OrderFilled_CreatesAnOrderFilledNotificationForTheOwner()
    {
        var client = await SignedInAsync();
        var orderId = Guid.CreateVersion7();

        await Fixture.Factory.RaiseAsync(new OrderFilled(client.UserId, orderId, "AAPL", OrderSide.Buy, 10m, 187.5m, DateTime.UtcNow));

        var row = (await client.GetAsync($"{Root}?type=order_filled")).EnsureStatus(HttpStatusCode.OK).Array.Single()!;
        Assert.Equal("medium", row["priority"]!.GetValue<string>());
        Assert.Equal(orderId, row["order_id"]!.GetValue<Guid>());
        Assert.Contains("AAPL", row["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("AAPL", row["data"]!["symbol"]!.GetValue<string>());
        Assert.Equal("buy", row["data"]!["side"]!.GetValue<string>());
        Assert.Equal(10m, row["data"]!["quantity"]!.GetValue<decimal>());
        Assert.Equal(187.5m, row["data"]!["price"]!.GetValue<decimal>());
        // in_app and websocket (medium is below email's default minimum, high).
        Assert.Equal(2, await Fixture.CountAsync($"SELECT COUNT(*) FROM notification_deliveries WHERE notification_id = {Fixture.Literal(row["id"]!.GetValue<Guid>())}"));
    }

    [Fact]
    public async Task SystemAlertRaised_CreatesASystemAlertWithTheEventsPriority()
    {
        var client = await SignedInAsync();
        var actionId = Guid.CreateVersion7();

        await Fixture.Factory.RaiseAsync(new SystemAlertRaised(
            client.UserId, NotificationPriority.Urgent, "Risk monitor could not close AAPL", "Act yourself.", "monitor_action", actionId, DateTime.UtcNow));

        var row = (await client.GetAsync($"{Root}?type=system_alert")).EnsureStatus(HttpStatusCode.OK).Array.Single()!;
        Assert.Equal(("urgent", "Risk monitor could not close AAPL", "Act yourself."), (
            row["priority"]!.GetValue<string>(), row["title"]!.GetValue<string>(), row["message"]!.GetValue<string>()));
        Assert.Equal("monitor_action", row["data"]!["source"]!.GetValue<string>());
        Assert.Equal(actionId, row["data"]!["source_id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task PositionEvents_CreatePositionNotifications()
    {
        var client = await SignedInAsync();
        var positionId = Guid.CreateVersion7();

        await Fixture.Factory.RaiseAsync(new PositionOpened(client.UserId, positionId, "MSFT", -5m, 410m, DateTime.UtcNow));
        await Fixture.Factory.RaiseAsync(new PositionClosed(client.UserId, positionId, "MSFT", -5m, 410m, 400m, 50m, DateTime.UtcNow));
        await Fixture.Factory.RaiseAsync(new OrderRejected(client.UserId, Guid.CreateVersion7(), "MSFT", OrderSide.Sell, 1m, "No quote", DateTime.UtcNow));
        await Fixture.Factory.RaiseAsync(new OrderCancelled(client.UserId, Guid.CreateVersion7(), "MSFT", OrderSide.Sell, 1m, DateTime.UtcNow));

        var rows = (await client.GetAsync(Root)).EnsureStatus(HttpStatusCode.OK).Array;
        Assert.Equal(["order_cancelled", "order_rejected", "position_closed", "position_opened"], rows.Select(r => r!["type"]!.GetValue<string>()));
        Assert.Equal(["low", "high", "medium", "low"], rows.Select(r => r!["priority"]!.GetValue<string>()));
        Assert.Contains("short", rows[3]!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(50m, rows[2]!["data"]!["realized_pnl"]!.GetValue<decimal>());
        Assert.Contains("No quote", rows[1]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RiskAction.Alert, "medium")]
    [InlineData(RiskAction.Block, "high")]
    [InlineData(RiskAction.ReduceSize, "high")]
    [InlineData(RiskAction.ClosePosition, "urgent")]
    [InlineData(RiskAction.CloseAll, "urgent")]
    public async Task RiskRuleBreached_CreatesARiskBreachNotificationWhosePriorityFollowsTheAction(RiskAction action, string priority)
    {
        var client = await SignedInAsync();
        var ruleId = Guid.CreateVersion7();

        await Fixture.Factory.RaiseAsync(new RiskRuleBreached(
            client.UserId, ruleId, "Daily loss", RiskRuleType.MaxDailyLoss, action, ThresholdUnit.Dollars, 1250m, 1000m, "AAPL", null,
            "MAX_DAILY_LOSS_EXCEEDED: observed=1250, limit=1000", DateTime.UtcNow));

        var row = (await client.GetAsync($"{Root}?type=risk_breach")).EnsureStatus(HttpStatusCode.OK).Array.Single()!;
        Assert.Equal(priority, row["priority"]!.GetValue<string>());
        Assert.Contains("Daily loss", row["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(ruleId, row["data"]!["rule_id"]!.GetValue<Guid>());
        Assert.Equal("max_daily_loss", row["data"]!["rule_type"]!.GetValue<string>());
        Assert.Equal(1250m, row["data"]!["observed"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task ApiKeyEvents_CreateExpiringAndFailedNotifications()
    {
        var client = await SignedInAsync();
        var keyId = Guid.CreateVersion7();
        var expiresAt = DateTime.UtcNow.AddDays(7);

        await Fixture.Factory.RaiseAsync(new ApiKeyExpiring(keyId, client.UserId, Broker.Alpaca, "Main", expiresAt, ExpiryNotice.ExpiresSoon, DateTime.UtcNow));
        await Fixture.Factory.RaiseAsync(new ApiKeyExpiring(keyId, client.UserId, Broker.Alpaca, "Main", expiresAt, ExpiryNotice.Expired, DateTime.UtcNow));
        await Fixture.Factory.RaiseAsync(new ApiKeyFailed(keyId, client.UserId, Broker.Alpaca, "Main", "rejected by the broker 5 times", 5, DateTime.UtcNow));

        var rows = (await client.GetAsync(Root)).EnsureStatus(HttpStatusCode.OK).Array;
        Assert.Equal(["api_key_failed", "api_key_expiring", "api_key_expiring"], rows.Select(r => r!["type"]!.GetValue<string>()));
        Assert.Equal(["high", "high", "medium"], rows.Select(r => r!["priority"]!.GetValue<string>()));
        Assert.Contains("expired", rows[1]!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("alpaca", rows[0]!["data"]!["broker"]!.GetValue<string>());
        Assert.Equal(keyId, rows[2]!["data"]!["api_key_id"]!.GetValue<Guid>());
    }

    [Theory]
    [InlineData("""{"priority":"extreme"}""", "priority")]
    [InlineData("""{"priority":3}""", "priority")]
    public async Task Test_WithBadPriority_Returns400NamingIt(string body, string field)
    {
        var client = await SignedInAsync();

        (await client.PostRawAsync($"{Root}/test", body)).EnsureValidationError(field);
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM notifications"));
    }

    private RiskPlatformApiFactory ConfiguredFactory(RecordingNotificationPusher pusher) => new(
        Fixture.Provider,
        Fixture.ConnectionString,
        Fixture.Logs,
        services =>
        {
            services.AddSingleton<INotificationPusher>(sp =>
            {
                pusher.Services = sp;
                return pusher;
            });

            // As behind a backplane: nobody is known to be offline, so every notification is pushed (to the recorder).
            services.AddSingleton<IRealtimePresence, PresenceNotKnown>();
        },
        new Dictionary<string, string?> { ["Smtp:Host"] = "smtp.invalid", ["Smtp:From"] = "RiskPlatform <alerts@example.com>" });

    /// <summary>A two-hour quiet window in New York that contains the present hour.</summary>
    private static (int Start, int End) WindowAroundNow()
    {
        var hour = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(Zone)).Hour;
        return (hour, (hour + 2) % 24);
    }

    private static async Task CreatePreferenceAsync(ApiClient client, object body) =>
        (await client.PostAsync($"{Root}/preferences", body)).EnsureStatus(HttpStatusCode.Created);

    private static JsonNode DeliveryRow(JsonNode? body, string channel) =>
        body!["deliveries"]!.AsArray().Single(d => d!["channel"]!.GetValue<string>() == channel)!;

    private static Dictionary<string, (string Status, string Reason)> Deliveries(JsonNode? body) =>
        body!["deliveries"]!.AsArray().ToDictionary(
            d => d!["channel"]!.GetValue<string>(),
            d => (d!["status"]!.GetValue<string>(), d!["status_reason"]!.GetValue<string>()));

    private sealed class PresenceNotKnown : IRealtimePresence
    {
        public bool IsKnownOffline(Guid userId) => false;
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class NotificationDispatchTestsOnSqlite(SqliteApiFixture fixture) : NotificationDispatchTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class NotificationDispatchTestsOnPostgres(PostgresApiFixture fixture) : NotificationDispatchTests(fixture);
