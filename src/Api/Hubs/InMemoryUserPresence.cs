using System.Collections.Concurrent;
using System.Globalization;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Api.Hubs;

/// <summary>
/// Presence for a single instance: the connection ids per user, in memory. Without a backplane these are all the connections
/// there are, so a user without one here is known to be offline (<see cref="IRealtimePresence"/>).
/// </summary>
internal sealed class InMemoryUserPresence : IUserPresence, IRealtimePresence
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

    public Task<bool> IsConnectedAsync(string userId) => Task.FromResult(IsConnected(userId));

    public bool IsKnownOffline(Guid userId) => !IsConnected(userId.ToString("D", CultureInfo.InvariantCulture));

    private bool IsConnected(string userId) => _connections.TryGetValue(userId, out var connections) && !connections.IsEmpty;
}
