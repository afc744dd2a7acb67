using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.Hubs;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Notifications;

/// <summary>Two service instances sharing a real redis-server as the SignalR backplane.</summary>
public sealed class RedisBackplaneTests : IAsyncDisposable
{
    private readonly List<string> _databases = [];

    [Fact]
    public async Task Push_ThroughInstanceA_ReachesTheUsersClientOnInstanceBOnly()
    {
        if (RedisTestServer.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        await using var redis = await RedisTestServer.StartAsync();
        await using var instanceA = Instance(redis);
        await using var instanceB = Instance(redis);
        var tokens = instanceA.Services.GetRequiredService<ITokenService>();
        var (alice, bob) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await using var aliceOnB = await NotificationHubClient.ConnectAsync(instanceB.Server, tokens.CreateAccessToken(alice, "alice@example.com", "user", Guid.NewGuid()));
        await using var bobOnB = await NotificationHubClient.ConnectAsync(instanceB.Server, tokens.CreateAccessToken(bob, "bob@example.com", "user", Guid.NewGuid()));
        var pusherOnA = instanceA.Services.GetRequiredService<INotificationPusher>();
        var ct = TestContext.Current.CancellationToken;

        // The backplane subscribes a connection's user channel just after the handshake: push until the first one lands.
        await Eventually.ReturnsAsync(
            async () =>
            {
                await pusherOnA.UnreadCountChangedAsync(alice, ct);
                return aliceOnB.Received.Count;
            },
            received => received > 0,
            TimeSpan.FromSeconds(15),
            "a push through instance A reaching alice's client on instance B");
        var presenceOnA = instanceA.Services.GetRequiredService<IUserPresence>();
        await NotificationsHubTests.WaitUntilConnectedAsync(instanceA.Services, alice, bob); // A sees connections on B
        Assert.False(await presenceOnA.IsConnectedAsync(Guid.CreateVersion7().ToString()));
        await pusherOnA.PushNotificationAsync(bob, NotificationsHubTests.Dto(bob, "For bob"), ct);
        await pusherOnA.PushNotificationAsync(alice, NotificationsHubTests.Dto(alice, "For alice"), ct);

        var aliceEvents = await aliceOnB.WaitUntilAsync(e => e.Any(x => x.Name == "notification_received"), "alice's notification via Redis");
        var bobEvents = await bobOnB.WaitUntilAsync(e => e.Any(x => x.Name == "notification_received"), "bob's notification via Redis");
        Assert.Equal("unread_count_changed", aliceEvents[0].Name);
        Assert.Equal(0, aliceEvents[0].Payload.GetProperty("unread_count").GetInt32()); // alice has no stored notification
        Assert.Equal("For alice", aliceEvents.Single(e => e.Name == "notification_received").Payload.GetProperty("title").GetString());
        Assert.Equal("For bob", Assert.Single(bobEvents).Payload.GetProperty("title").GetString());
    }

    public ValueTask DisposeAsync()
    {
        foreach (var path in _databases)
        {
            SqliteTestFiles.Delete(path);
        }

        return ValueTask.CompletedTask;
    }

    private RiskPlatformApiFactory Instance(RedisTestServer redis)
    {
        var path = Path.Combine(Path.GetTempPath(), $"riskplatform-redis-{Guid.NewGuid():N}.db");
        _databases.Add(path);
        var factory = new RiskPlatformApiFactory(
            DatabaseProvider.Sqlite,
            $"Data Source={path}",
            new CapturingLogSink(),
            settings: new Dictionary<string, string?> { ["Redis:ConnectionString"] = redis.ConnectionString });
        _ = factory.Server;
        return factory;
    }
}
