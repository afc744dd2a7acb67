using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Infrastructure.Identity;

namespace RiskPlatform.Api.Hubs;

/// <summary>
/// This node's hub connections by the <c>sid</c> (refresh-token family) of the token that opened them, so that a logout can
/// abort them. On its own it is the <see cref="ISessionConnections"/> of a single node; with the Redis backplane,
/// <see cref="RedisSessionEndRelay"/> closes here and tells the other nodes to close theirs from their own registry.
/// </summary>
internal sealed class SessionConnectionRegistry : ISessionConnections
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, HubCallerContext>> _bySession = new();

    public static Guid? SessionOf(HubCallerContext context) =>
        Guid.TryParse(context.User?.FindFirst(TokenClaims.Session)?.Value, out var sessionId) ? sessionId : null;

    /// <summary>The sign-ins with a connection open on this node, as they are now.</summary>
    public IReadOnlyCollection<Guid> OpenSessions => [.. _bySession.Keys];

    public void Add(HubCallerContext context)
    {
        if (SessionOf(context) is { } sessionId)
        {
            _bySession.GetOrAdd(sessionId, _ => new()).TryAdd(context.ConnectionId, context);
        }
    }

    public void Remove(HubCallerContext context)
    {
        if (SessionOf(context) is { } sessionId && _bySession.TryGetValue(sessionId, out var connections))
        {
            connections.TryRemove(context.ConnectionId, out _);
            if (connections.IsEmpty)
            {
                _bySession.TryRemove(KeyValuePair.Create(sessionId, connections));
            }
        }
    }

    public int Close(Guid sessionId)
    {
        if (!_bySession.TryRemove(sessionId, out var connections))
        {
            return 0;
        }

        foreach (var context in connections.Values)
        {
            context.Abort();
        }

        return connections.Count;
    }

    public int CloseAllOf(Guid userId)
    {
        var closed = 0;
        foreach (var (sessionId, connections) in _bySession)
        {
            if (connections.Values.Any(c => Guid.TryParse(c.UserIdentifier, out var owner) && owner == userId))
            {
                closed += Close(sessionId);
            }
        }

        return closed;
    }
}
