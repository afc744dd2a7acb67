using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Notifications;

/// <summary>
/// A Redis backplane outage never slows a command (notifications, and halts whose marks are pushed): pushes leave the request path, <c>/health/ready</c> says Degraded with the
/// reason, and pushes reach connected clients again once Redis is back. One service on its own SQLite file and a real
/// redis-server that the test stops and starts again on the same port.
/// </summary>
public sealed class RedisOutageTests : IDisposable
{
    /// <summary>Far above a healthy request and far below the 10 s two backplane timeouts used to add to each one.</summary>
    private static readonly TimeSpan AnswerDeadline = TimeSpan.FromSeconds(3);

    private readonly string _database = SqliteTestFiles.NewPath("redis-outage");

    [Fact]
    public async Task Command_WhileRedisIsDown_AnswersAtOnceReadyIsDegradedAndPushesResumeWhenRedisReturns()
    {
        if (RedisTestServer.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var redis = await RedisTestServer.StartAsync();
        var running = redis;
        try
        {
            var log = new CapturingLogSink();
            await using var factory = new RiskPlatformApiFactory(
                DatabaseProvider.Sqlite,
                $"Data Source={_database}",
                log,
                settings: new Dictionary<string, string?> { ["Redis:ConnectionString"] = redis.ConnectionString });
            var email = $"alice-{Guid.NewGuid():N}@example.com";
            using var alice = new ApiClient(factory.CreateClient());
            await alice.SignInAsNewUserAsync(email, "Correct-Horse-42");
            using var aliceOnLaptop = new ApiClient(factory.CreateClient());
            await aliceOnLaptop.SignInAsync(email, "Correct-Horse-42");
            using var anonymous = new ApiClient(factory.CreateClient());
            await using var hub = await NotificationHubClient.ConnectAsync(factory.Server, alice.AccessToken);
            await using var laptopHub = await NotificationHubClient.ConnectAsync(factory.Server, aliceOnLaptop.AccessToken);

            // The backplane subscribes the user's channel just after the handshake: send until the first push lands.
            await ReceivesAPushAsync(alice, hub, "a push through the backplane before the outage");
            Assert.Equal("Healthy", (await anonymous.GetAsync("/health/ready")).EnsureStatus(HttpStatusCode.OK).Text);

            // The account's actor activated and the halt path compiled while Redis is up, so the deadlines below measure what
            // the outage costs, not a cold first command on a loaded machine (a CI run once took over 3 s for it).
            (await alice.PostAsync("/api/v1/trading/halt", new { reason = "warm-up" })).EnsureStatus(HttpStatusCode.OK);
            (await alice.PostAsync("/api/v1/trading/resume")).EnsureStatus(HttpStatusCode.OK);

            running = null;
            await redis.DisposeAsync();

            var ready = await Eventually.ReturnsAsync(
                () => anonymous.GetAsync("/health/ready"),
                response => response.Text.StartsWith("Degraded", StringComparison.Ordinal),
                TimeSpan.FromSeconds(15),
                "/health/ready degraded while Redis is down");
            Assert.Equal(HttpStatusCode.OK, ready.Status);
            Assert.Contains("redis_backplane: Degraded - The Redis backplane cannot be reached", ready.Text, StringComparison.Ordinal);
            for (var i = 0; i < 3; i++)
            {
                // Each of these used to wait for the presence lookup and the send to time out against the missing Redis.
                var created = await alice.PostAsync("/api/v1/notifications/test", new { priority = "high" }).WaitAsync(AnswerDeadline, TestContext.Current.CancellationToken);
                created.EnsureStatus(HttpStatusCode.Created);
            }

            // A halt and a resume each queue the account's mark for the hub (portfolio_marked): queued, never waited for.
            (await alice.PostAsync("/api/v1/trading/halt", new { reason = "redis down" }).WaitAsync(AnswerDeadline, TestContext.Current.CancellationToken))
                .EnsureStatus(HttpStatusCode.OK);
            (await alice.PostAsync("/api/v1/trading/resume").WaitAsync(AnswerDeadline, TestContext.Current.CancellationToken))
                .EnsureStatus(HttpStatusCode.OK);

            // Logging out too: this node closes the sign-in's connection at once; telling the other nodes fails in the
            // background, logged, and never holds up the answer.
            (await aliceOnLaptop.PostAsync("/api/v1/auth/logout", new { refresh_token = aliceOnLaptop.RefreshToken }).WaitAsync(AnswerDeadline, TestContext.Current.CancellationToken))
                .EnsureStatus(HttpStatusCode.NoContent);
            await laptopHub.WaitUntilClosedAsync("this node closed the connection of the sign-in that logged out while Redis was down");
            await Eventually.ReturnsAsync(
                () => Task.FromResult(log.Contains("Could not tell the other nodes that")), logged => logged,
                TimeSpan.FromSeconds(10), "the failed relay of the logout is logged");

            running = await RedisTestServer.StartAsync(redis.Port);

            await ReceivesAPushAsync(alice, hub, "a push through the backplane after Redis returned");
            (await alice.PostAsync("/api/v1/trading/halt", new { reason = "redis back" })).EnsureStatus(HttpStatusCode.OK);
            await hub.WaitUntilAsync(
                e => e.Any(x => x.Name == "portfolio_marked" && x.Payload.GetProperty("trading_state_reason").GetString() == "redis back"),
                "the mark of the halt after Redis returned");
            await Eventually.ReturnsAsync(
                async () => (await anonymous.GetAsync("/health/ready")).Text,
                text => text == "Healthy",
                TimeSpan.FromSeconds(15),
                "/health/ready healthy again");
        }
        finally
        {
            if (running is not null)
            {
                await running.DisposeAsync();
            }
        }
    }

    public void Dispose()
    {
        SqliteTestFiles.Delete(_database);
    }

    /// <summary>Sends test notifications until one reaches the hub client (each waits up to a second for its push).</summary>
    private static async Task ReceivesAPushAsync(ApiClient user, NotificationHubClient hub, string because)
    {
        var before = Notifications(hub);
        await Eventually.ReturnsAsync(
            async () =>
            {
                (await user.PostAsync("/api/v1/notifications/test", new { priority = "high" })).EnsureStatus(HttpStatusCode.Created);
                var until = DateTime.UtcNow + TimeSpan.FromSeconds(1);
                while (Notifications(hub) == before && DateTime.UtcNow < until)
                {
                    await Task.Delay(50);
                }

                return Notifications(hub);
            },
            received => received > before,
            TimeSpan.FromSeconds(30),
            because);
    }

    private static int Notifications(NotificationHubClient hub) => hub.Received.Count(e => e.Name == "notification_received");
}
