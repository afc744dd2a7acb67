using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.Hubs;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;
using StackExchange.Redis;

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

    [Fact]
    public async Task SignInsEndedOnInstanceA_CloseTheirConnectionsOnInstanceB()
    {
        if (RedisTestServer.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        await using var redis = await RedisTestServer.StartAsync();
        await using var instanceA = Instance(redis);
        await using var instanceB = Instance(redis);
        const string email = "signs-out-on-a@example.com";
        using var laptop = new ApiClient(instanceA.CreateClient());
        await laptop.SignInAsNewUserAsync(email, "Correct-Horse-42");
        using var phone = new ApiClient(instanceA.CreateClient());
        await phone.SignInAsync(email, "Correct-Horse-42");
        using var someoneElse = new ApiClient(instanceA.CreateClient());
        await someoneElse.SignInAsNewUserAsync("stays-on-b@example.com", "Correct-Horse-42");
        await WaitUntilInstanceHearsEndedSignInsAsync(instanceA, instanceB);

        // Instance B knows these sign-ins only from their access tokens: the sessions live in instance A's database.
        await using var laptopOnB = await NotificationHubClient.ConnectAsync(instanceB.Server, laptop.AccessToken);
        await using var phoneOnB = await NotificationHubClient.ConnectAsync(instanceB.Server, phone.AccessToken);
        await using var someoneElseOnB = await NotificationHubClient.ConnectAsync(instanceB.Server, someoneElse.AccessToken);

        (await laptop.PostAsync("/api/v1/auth/logout", new { refresh_token = laptop.RefreshToken })).EnsureStatus(HttpStatusCode.NoContent);
        await laptopOnB.WaitUntilClosedAsync("instance B closed the connection of the sign-in that logged out on A");
        Assert.Equal(HubConnectionState.Connected, phoneOnB.State);

        (await phone.PostAsync("/api/v1/auth/logout-all")).EnsureStatus(HttpStatusCode.NoContent);
        await phoneOnB.WaitUntilClosedAsync("instance B closed the connections of the user who logged out everywhere on A");
        Assert.Equal(HubConnectionState.Connected, someoneElseOnB.State);
    }

    [Fact]
    public async Task SignInEndedWhileInstanceBWasCutOffFromRedis_ClosesItsConnectionOnBOnceRedisReturns()
    {
        if (RedisTestServer.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var redis = await RedisTestServer.StartAsync();
        var running = redis;
        try
        {
            // One database for both instances, as in production; the periodic sweep off, so that only the catch-up after
            // the reconnect can close the connection.
            var database = NewDatabase();
            var noSweep = new Dictionary<string, string?> { [EndedSessionSweeper.IntervalKey] = "00:00:00" };
            await using var instanceA = Instance(redis, database, noSweep);
            await using var instanceB = Instance(redis, database, noSweep);
            const string email = "logs-out-while-b-is-cut-off@example.com";
            using var laptop = new ApiClient(instanceA.CreateClient());
            await laptop.SignInAsNewUserAsync(email, "Correct-Horse-42");
            using var phone = new ApiClient(instanceA.CreateClient());
            await phone.SignInAsync(email, "Correct-Horse-42");
            await WaitUntilInstanceHearsEndedSignInsAsync(instanceA, instanceB);
            await using var laptopOnB = await NotificationHubClient.ConnectAsync(instanceB.Server, laptop.AccessToken);
            await using var phoneOnB = await NotificationHubClient.ConnectAsync(instanceB.Server, phone.AccessToken);

            running = null;
            await redis.DisposeAsync();
            var backplaneOfB = await instanceB.Services.GetRequiredService<RedisUserPresence>().ConnectionAsync();
            await Eventually.ReturnsAsync(
                () => Task.FromResult(backplaneOfB.IsConnected), connected => !connected, TimeSpan.FromSeconds(15), "instance B noticed Redis is gone");

            // The end is committed and published through A while nothing can carry it to B.
            (await laptop.PostAsync("/api/v1/auth/logout", new { refresh_token = laptop.RefreshToken })).EnsureStatus(HttpStatusCode.NoContent);

            // StackExchange.Redis keeps a command issued while disconnected in its backlog until its async timeout, and sends
            // it if the connection returns sooner: let A's publish of the logout be given up, as it is in any outage longer
            // than that, so that nothing but B's own catch-up can close the connection.
            var backplaneOfA = await instanceA.Services.GetRequiredService<RedisUserPresence>().ConnectionAsync();
            var publishGivenUp = TimeSpan.FromMilliseconds(ConfigurationOptions.Parse(backplaneOfA.Configuration).AsyncTimeout) + TimeSpan.FromSeconds(2);
            await Task.Delay(publishGivenUp, TestContext.Current.CancellationToken);
            Assert.Equal(HubConnectionState.Connected, laptopOnB.State);

            running = await RedisTestServer.StartAsync(redis.Port);
            var restarted = DateTime.UtcNow;
            await Eventually.ReturnsAsync(
                () => Task.FromResult(backplaneOfB.IsConnected), connected => connected, TimeSpan.FromSeconds(30), "instance B back on Redis");
            var reconnected = DateTime.UtcNow;

            await laptopOnB.WaitUntilClosedAsync("instance B closed the connection of the sign-in that ended while it was cut off", TimeSpan.FromSeconds(5));
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"B reconnected {(reconnected - restarted).TotalSeconds:F1} s after Redis restarted and closed the connection {(DateTime.UtcNow - reconnected).TotalSeconds:F1} s later");
            Assert.Equal(HubConnectionState.Connected, phoneOnB.State);
        }
        finally
        {
            if (running is not null)
            {
                await running.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Subscribing to ended sign-ins happens after start: end a throwaway sign-in on <paramref name="from"/> until its
    /// connection on <paramref name="to"/> closes.
    /// </summary>
    private static async Task WaitUntilInstanceHearsEndedSignInsAsync(RiskPlatformApiFactory from, RiskPlatformApiFactory to)
    {
        var probeSession = Guid.NewGuid();
        var token = from.Services.GetRequiredService<ITokenService>().CreateAccessToken(Guid.CreateVersion7(), "probe@example.com", "user", probeSession);
        await using var probe = await NotificationHubClient.ConnectAsync(to.Server, token);
        var sessions = from.Services.GetRequiredService<ISessionConnections>();
        await Eventually.ReturnsAsync(
            async () =>
            {
                sessions.Close(probeSession);
                await Task.Delay(200);
                return probe.State;
            },
            state => state == HubConnectionState.Disconnected,
            TimeSpan.FromSeconds(15),
            "the probe's connection on the second instance closed by a sign-in ended on the first");
    }

    public ValueTask DisposeAsync()
    {
        foreach (var path in _databases)
        {
            SqliteTestFiles.Delete(path);
        }

        return ValueTask.CompletedTask;
    }

    private RiskPlatformApiFactory Instance(RedisTestServer redis) => Instance(redis, NewDatabase(), []);

    private RiskPlatformApiFactory Instance(RedisTestServer redis, string database, Dictionary<string, string?> settings)
    {
        var factory = new RiskPlatformApiFactory(
            DatabaseProvider.Sqlite,
            $"Data Source={database}",
            new CapturingLogSink(),
            settings: new Dictionary<string, string?>(settings) { ["Redis:ConnectionString"] = redis.ConnectionString });
        _ = factory.Server;
        return factory;
    }

    private string NewDatabase()
    {
        var path = Path.Combine(Path.GetTempPath(), $"riskplatform-redis-{Guid.NewGuid():N}.db");
        _databases.Add(path);
        return path;
    }
}
