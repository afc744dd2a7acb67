using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace RiskPlatform.Api.Hubs;

/// <summary>
/// <c>/hubs/notifications</c>: the websocket channel. Clients only listen: the server sends
/// <see cref="NotificationHubEvents.NotificationReceived"/> and <see cref="NotificationHubEvents.UnreadCountChanged"/> to
/// the connections of the user they belong to (<see cref="SubClaimUserIdProvider"/>). A missing or invalid token is
/// refused (401 on negotiate and on the websocket request).
/// </summary>
[Authorize]
internal sealed class NotificationsHub : Hub
{
    public const string Path = "/hubs/notifications";
}
