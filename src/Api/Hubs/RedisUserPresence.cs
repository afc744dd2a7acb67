using StackExchange.Redis;

namespace RiskPlatform.Api.Hubs;

/// <summary>
/// Presence shared by every instance: a Redis set of connection ids per user. The set expires a day after the user's
/// last connect, so an instance that died without cleaning up leaves a stale entry for at most that long.
/// </summary>
internal sealed class RedisUserPresence(string connectionString) : IUserPresence, IAsyncDisposable
{
    public static readonly TimeSpan Expiry = TimeSpan.FromDays(1);

    private readonly Lazy<Task<ConnectionMultiplexer>> _redis = new(() =>
    {
        // Connect lazily and keep retrying in the background, so Redis being down at start-up is not cached as a failure.
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        return ConnectionMultiplexer.ConnectAsync(options);
    });

    public async Task ConnectedAsync(string userId, string connectionId)
    {
        var database = await DatabaseAsync();
        await database.SetAddAsync(Key(userId), connectionId);
        await database.KeyExpireAsync(Key(userId), Expiry);
    }

    public async Task DisconnectedAsync(string userId, string connectionId) =>
        await (await DatabaseAsync()).SetRemoveAsync(Key(userId), connectionId);

    public async Task<bool> IsConnectedAsync(string userId) =>
        await (await DatabaseAsync()).SetLengthAsync(Key(userId)) > 0;

    /// <summary>The connection to the backplane's Redis (connecting, or reconnecting in the background, while it is down).</summary>
    public Task<ConnectionMultiplexer> ConnectionAsync() => _redis.Value;

    public async ValueTask DisposeAsync()
    {
        if (_redis.IsValueCreated)
        {
            await (await _redis.Value).DisposeAsync();
        }
    }

    private static RedisKey Key(string userId) => $"{RealtimeNotifications.RedisChannelPrefix}:presence:{userId}";

    private async Task<IDatabase> DatabaseAsync() => (await _redis.Value).GetDatabase();
}
