namespace RiskPlatform.Application.Notifications.Commands.RecordWebsocketDeliveries;

/// <summary>What a notification push did, as recorded on the notification's websocket delivery row.</summary>
public enum WebsocketPushOutcome
{
    /// <summary>The user had a connection and the push was handed to SignalR: the row is sent.</summary>
    Delivered,

    /// <summary>The user had no connection: the row is suppressed with <c>not_connected</c>.</summary>
    NotConnected,

    /// <summary>The push failed (e.g. the backplane is down): the row is failed; a push is never retried.</summary>
    Failed,
}
