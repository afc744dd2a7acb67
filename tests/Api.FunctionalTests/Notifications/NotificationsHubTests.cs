using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.Hubs;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Users;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Notifications;

/// <summary>The websocket channel: SignalR over a real websocket into the test server.</summary>
public abstract class NotificationsHubTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    [Fact]
    public async Task Connection_WhenItsAccessTokenExpires_IsClosedByTheServer()
    {
        var user = await SignedInAsync();
        var shortLived = TestTokens.Mint(user.UserId, TestTokens.Issuer, TestTokens.Audience, DateTime.UtcNow.AddSeconds(3));
        await using var hub = await NotificationHubClient.ConnectAsync(Fixture.Factory.Server, shortLived);
        await using var control = await NotificationHubClient.ConnectAsync(Fixture.Factory.Server, user.AccessToken);

        await hub.WaitUntilClosedAsync("the server closed the connection whose token expired", TimeSpan.FromSeconds(20));

        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, control.State);
    }

    [Fact]
    public async Task Connection_WhenItsSignInLogsOut_IsClosedButTheSameUsersOtherSignInStaysConnected()
    {
        const string email = "two-devices@example.com";
        using var laptop = await SignedInAsync(email);
        using var phone = Fixture.CreateClient();
        await phone.SignInAsync(email, "Correct-Horse-42");
        await using var laptopHub = await NotificationHubClient.ConnectAsync(Fixture.Factory.Server, laptop.AccessToken);
        await using var phoneHub = await NotificationHubClient.ConnectAsync(Fixture.Factory.Server, phone.AccessToken);

        (await laptop.PostAsync("/api/v1/auth/logout", new { refresh_token = laptop.RefreshToken })).EnsureStatus(System.Net.HttpStatusCode.NoContent);

        await laptopHub.WaitUntilClosedAsync("the server closed the connection of the sign-in that logged out");
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, phoneHub.State);
    }

    [Fact]
    public async Task Connections_WhenTheirUserLogsOutEverywhere_AreAllClosedButAnotherUsersStays()
    {
        const string email = "logs-out-everywhere@example.com";
        using var laptop = await SignedInAsync(email);
        using var phone = Fixture.CreateClient();
        await phone.SignInAsync(email, "Correct-Horse-42");
        using var someoneElse = await SignedInAsync();
        await using var laptopHub = await NotificationHubClient.ConnectAsync(Fixture.Factory.Server, laptop.AccessToken);
        await using var phoneHub = await NotificationHubClient.ConnectAsync(Fixture.Factory.Server, phone.AccessToken);
        await using var otherHub = await NotificationHubClient.ConnectAsync(Fixture.Factory.Server, someoneElse.AccessToken);

        (await phone.PostAsync("/api/v1/auth/logout-all")).EnsureStatus(System.Net.HttpStatusCode.NoContent);

        foreach (var (hub, device) in new[] { (laptopHub, "laptop"), (phoneHub, "phone") })
        {
            await hub.WaitUntilClosedAsync($"the server closed the {device}'s connection");
        }

        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, otherHub.State);
    }

    [Fact]
    public async Task Connection_WhenItsSignInEndsWithoutTheHubBeingTold_IsClosedByThePeriodicSweep()
    {
        await using var host = new RiskPlatformApiFactory(
            Fixture.Provider, Fixture.ConnectionString, Fixture.Logs, settings: new Dictionary<string, string?> { [EndedSessionSweeper.IntervalKey] = "00:00:01" });
        using var revoked = await SignedInAsync("revoked-behind-the-hubs-back@example.com");
        using var untouched = await SignedInAsync("untouched@example.com");
        await using var revokedHub = await NotificationHubClient.ConnectAsync(host.Server, revoked.AccessToken);
        await using var untouchedHub = await NotificationHubClient.ConnectAsync(host.Server, untouched.AccessToken);

        // A sign-in the database has no row for is not called ended: its connection lasts until its token expires, as before.
        var unstored = host.Services.GetRequiredService<ITokenService>().CreateAccessToken(untouched.UserId, "untouched@example.com", "user", Guid.NewGuid());
        await using var unstoredHub = await NotificationHubClient.ConnectAsync(host.Server, unstored);

        // As a node that missed the backplane's message sees it: the sign-in ended in the database, and nothing closed the connection.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>().Set<RefreshToken>()
                .Where(t => t.UserId == revoked.UserId)
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, DateTime.UtcNow), TestContext.Current.CancellationToken);
        }

        await revokedHub.WaitUntilClosedAsync("the sweep closed the connection of the sign-in revoked in the database");
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, untouchedHub.State);
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, unstoredHub.State);
    }

    [Fact]
    public async Task Connection_WhenItsSignInsSpentRefreshTokenIsReplayed_IsClosedButTheSameUsersOtherSignInStaysConnected()
    {
        const string email = "replayed-refresh@example.com";
        using var leaked = await SignedInAsync(email);
        using var other = Fixture.CreateClient();
        await other.SignInAsync(email, "Correct-Horse-42");
        await using var leakedHub = await NotificationHubClient.ConnectAsync(Fixture.Factory.Server, leaked.AccessToken);
        await using var otherHub = await NotificationHubClient.ConnectAsync(Fixture.Factory.Server, other.AccessToken);
        using var anonymous = Fixture.CreateClient();
        (await anonymous.PostAsync("/api/v1/auth/refresh", new { refresh_token = leaked.RefreshToken })).EnsureStatus(HttpStatusCode.OK);

        // The spent token presented again revokes its family, and the family's connection (opened before the refresh) ends.
        (await anonymous.PostAsync("/api/v1/auth/refresh", new { refresh_token = leaked.RefreshToken })).EnsureProblem(HttpStatusCode.Unauthorized);

        await leakedHub.WaitUntilClosedAsync("the server closed the connection of the revoked token family");
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, otherHub.State);
    }

    [Fact]
    public async Task Push_WhenTwoUsersAreConnected_EachReceivesOnlyTheirOwnEventsInSnakeCase()
    {
        using var alice = await SignedInAsync();
        using var bob = await SignedInAsync();
        await using var aliceHub = await NotificationHubClient.ConnectAsync(Fixture.Factory.Server, alice.AccessToken);
        await using var bobHub = await NotificationHubClient.ConnectAsync(Fixture.Factory.Server, bob.AccessToken);
        var pusher = Fixture.Factory.Services.GetRequiredService<INotificationPusher>();
        await WaitUntilConnectedAsync(Fixture.Factory.Services, alice.UserId, bob.UserId);
        var forAlice = Dto(alice.UserId, "Daily loss limit reached");
        var forBob = Dto(bob.UserId, "Order filled");
        var ct = TestContext.Current.CancellationToken;

        await pusher.PushNotificationAsync(alice.UserId, forAlice, ct);
        await pusher.UnreadCountChangedAsync(bob.UserId, ct);
        await pusher.PushNotificationAsync(bob.UserId, forBob, ct);
        await pusher.UnreadCountChangedAsync(alice.UserId, ct);

        // Each user's last event arriving proves everything sent before it was delivered (one ordered stream per connection).
        var aliceEvents = await aliceHub.WaitUntilAsync(e => e.Any(x => x.Name == "unread_count_changed"), "alice's unread count");
        var bobEvents = await bobHub.WaitUntilAsync(e => e.Any(x => x.Name == "notification_received"), "bob's notification");
        Assert.Equal(["notification_received", "unread_count_changed"], aliceEvents.Select(e => e.Name));
        Assert.Equal(["unread_count_changed", "notification_received"], bobEvents.Select(e => e.Name));

        var notification = aliceEvents[0].Payload;
        Assert.Equal(forAlice.Id, notification.GetProperty("id").GetGuid());
        Assert.Equal(alice.UserId, notification.GetProperty("user_id").GetGuid());
        Assert.Equal("risk_breach", notification.GetProperty("type").GetString());
        Assert.Equal("urgent", notification.GetProperty("priority").GetString());
        Assert.Equal("Daily loss limit reached", notification.GetProperty("title").GetString());
        Assert.False(notification.GetProperty("is_read").GetBoolean());
        Assert.Equal("max_daily_loss", notification.GetProperty("data").GetProperty("rule_type").GetString());
        Assert.Equal(["in_app"], notification.GetProperty("sent_via").EnumerateArray().Select(v => v.GetString()));
        Assert.False(notification.TryGetProperty("data_json", out _), "data_json must stay off the wire");
        // The count is read when it is sent: the committed one (these pushed notifications were never stored).
        Assert.Equal("""{"unread_count":0}""", aliceEvents[1].Payload.GetRawText());
        Assert.Equal("""{"unread_count":0}""", bobEvents[0].Payload.GetRawText());
        Assert.Equal(forBob.Id, bobEvents[1].Payload.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task CreateNotification_WhileConnected_PushesItAndRecordsTheWebsocketRowSent()
    {
        using var alice = await SignedInAsync();
        await using var hub = await NotificationHubClient.ConnectAsync(Fixture.Factory.Server, alice.AccessToken);
        await WaitUntilConnectedAsync(Fixture.Factory.Services, alice.UserId);

        var created = (await alice.PostAsync("/api/v1/notifications/test", new { priority = "high" })).EnsureStatus(HttpStatusCode.Created).Body!;
        var id = created["notification"]!["id"]!.GetValue<Guid>();

        var events = await hub.WaitUntilAsync(e => e.Count >= 2, "the notification and the unread count");
        Assert.Equal(["notification_received", "unread_count_changed"], events.Select(e => e.Name));
        Assert.Equal(id, events[0].Payload.GetProperty("id").GetGuid());
        Assert.Equal("system_alert", events[0].Payload.GetProperty("type").GetString());
        Assert.Equal("""{"unread_count":1}""", events[1].Payload.GetRawText());
        await Eventually.ReturnsAsync(
            () => Fixture.CountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Websocket' AND status = 'Sent' AND status_reason = 'delivered'"),
            c => c == 1,
            because: "the websocket row recorded as sent");
        var notification = (await alice.GetAsync($"/api/v1/notifications/{id}")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Contains("websocket", notification["sent_via"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task CreateNotification_WithoutAConnection_RecordsTheWebsocketRowNotConnected()
    {
        using var alice = await SignedInAsync();

        var created = (await alice.PostAsync("/api/v1/notifications/test", new { priority = "high" })).EnsureStatus(HttpStatusCode.Created).Body!;
        var id = created["notification"]!["id"]!.GetValue<Guid>();

        await Eventually.ReturnsAsync(
            () => Fixture.CountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Websocket' AND status = 'Suppressed' AND status_reason = 'not_connected'"),
            c => c == 1,
            because: "the websocket row recorded as not connected");
        var notification = (await alice.GetAsync($"/api/v1/notifications/{id}")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.DoesNotContain("websocket", notification["sent_via"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task Push_WhenTheUserHasNoConnection_DoesNotThrow()
    {
        var pusher = Fixture.Factory.Services.GetRequiredService<INotificationPusher>();

        await pusher.UnreadCountChangedAsync(Guid.CreateVersion7(), TestContext.Current.CancellationToken);
        await pusher.PushNotificationAsync(Guid.CreateVersion7(), Dto(Guid.CreateVersion7(), "Nobody listens"), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Presence_WhileAndAfterTheUserIsConnected_IsTracked()
    {
        using var alice = await SignedInAsync();
        var presence = Fixture.Factory.Services.GetRequiredService<IUserPresence>();
        var aliceId = alice.UserId.ToString();

        var hub = await NotificationHubClient.ConnectAsync(Fixture.Factory.Server, alice.AccessToken);
        await Eventually.ReturnsAsync(() => presence.IsConnectedAsync(aliceId), connected => connected, because: "alice is connected");
        Assert.False(await presence.IsConnectedAsync(Guid.CreateVersion7().ToString()));
        await hub.DisposeAsync();

        await Eventually.ReturnsAsync(() => presence.IsConnectedAsync(aliceId), connected => !connected, because: "alice disconnected");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMTkzYTFiMi0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDEifQ.c2lnbmF0dXJl")]
    public async Task Connect_WhenTheTokenIsMissingOrInvalid_IsRefused(string? token)
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => NotificationHubClient.ConnectAsync(Fixture.Factory.Server, token));

        Assert.Contains("401", refused.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    public async Task Negotiate_WhenTheTokenIsMissingOrInvalid_Returns401(string? token)
    {
        var query = token is null ? string.Empty : $"&access_token={token}";

        var response = await Anonymous().PostAsync($"{NotificationHubClient.HubPath}/negotiate?negotiateVersion=1{query}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }

    [Fact]
    public async Task Negotiate_WithAValidQueryStringToken_Succeeds()
    {
        using var user = await SignedInAsync();

        var response = await Anonymous().PostAsync($"{NotificationHubClient.HubPath}/negotiate?negotiateVersion=1&access_token={user.AccessToken}");

        response.EnsureStatus(HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(response.Body!["connectionToken"]?.GetValue<string>()));
    }

    [Fact]
    public async Task AccessTokenInTheQueryString_OutsideHubs_IsIgnored()
    {
        using var user = await SignedInAsync();

        var response = await Anonymous().GetAsync($"/api/v1/audit-logs?access_token={user.AccessToken}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }

    /// <summary>
    /// A notification is pushed only to a user with a connection; the hub records the connection just after the handshake
    /// that completes the client's start, so tests wait for it before pushing.
    /// </summary>
    internal static async Task WaitUntilConnectedAsync(IServiceProvider services, params Guid[] userIds)
    {
        var presence = services.GetRequiredService<IUserPresence>();
        foreach (var userId in userIds)
        {
            await Eventually.ReturnsAsync(() => presence.IsConnectedAsync(userId.ToString()), connected => connected, because: $"user {userId} connected");
        }
    }

    internal static NotificationDto Dto(Guid userId, string title) => new(
        Guid.CreateVersion7(),
        userId,
        NotificationType.RiskBreach,
        NotificationPriority.Urgent,
        title,
        "Review your open positions.",
        """{"rule_type":"max_daily_loss","current_value":5.2}""",
        null,
        null,
        null,
        false,
        null,
        [NotificationChannel.InApp],
        DateTime.UtcNow,
        DateTime.UtcNow,
        null);
}

[Collection(nameof(SqliteCollection))]
public sealed class NotificationsHubTestsOnSqlite(SqliteApiFixture fixture) : NotificationsHubTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class NotificationsHubTestsOnPostgres(PostgresApiFixture fixture) : NotificationsHubTests(fixture);
