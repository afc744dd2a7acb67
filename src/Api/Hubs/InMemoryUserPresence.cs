using System.Collections.Concurrent;

namespace RiskPlatform.Api.Hubs;

/// <summary>Presence for a single instance: the connection ids per user, in memory.</summary>
internal sealed class InMemoryUserPresence : IUserPresence
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _connections = new(StringComparer.Ordinal);

    public Task ConnectedAsync(string userId, string connectionId)
    {
        _connections.GetOrAdd(userId, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal))[connectionId] = 0;
        return Task.CompletedTask;
    }

    public Task DisconnectedAsync(string userId, string connectionId)
    {
        if (_connections.TryGetValue(userId, out var connections))
        {
            connections.TryRemove(connectionId, out _);
        }

        return Task.CompletedTask;
    }

    public Task<bool> IsConnectedAsync(string userId) =>
        Task.FromResult(_connections.TryGetValue(userId, out var connections) && !connections.IsEmpty);
}
