using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace RiskPlatform.Api.Hubs;

/// <summary>
/// <c>/hubs/notifications</c>: the websocket channel. Clients only listen: the server sends
/// <see cref="NotificationHubEvents.NotificationReceived"/> and <see cref="NotificationHubEvents.UnreadCountChanged"/> to
/// the connections of the user they belong to (<see cref="SubClaimUserIdProvider"/>). A missing or invalid token is
/// refused (401 on negotiate and on the websocket request). Connections are tracked in <see cref="IUserPresence"/> so a
/// push can tell "delivered" from "not connected".
/// </summary>
[Authorize]
internal sealed class NotificationsHub(IUserPresence presence, SessionConnectionRegistry sessions) : Hub
{
    public const string Path = "/hubs/notifications";

    public override async Task OnConnectedAsync()
    {
        sessions.Add(Context);
        if (Context.UserIdentifier is { } userId)
        {
            await presence.ConnectedAsync(userId, Context.ConnectionId);
        }

        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        sessions.Remove(Context);
        if (Context.UserIdentifier is { } userId)
        {
            await presence.DisconnectedAsync(userId, Context.ConnectionId);
        }

        await base.OnDisconnectedAsync(exception);
    }
}
