namespace RiskPlatform.Api.Hubs;

/// <summary>The client methods <see cref="NotificationsHub"/> invokes (snake_case, like the JSON payloads).</summary>
public static class NotificationHubEvents
{
    /// <summary>Payload: the notification, as <c>GET /api/v1/notifications/{id}</c> returns it.</summary>
    public const string NotificationReceived = "notification_received";

    /// <summary>Payload: <c>{"unread_count": n}</c>.</summary>
    public const string UnreadCountChanged = "unread_count_changed";

    /// <summary>
    /// Payload: the account's latest mark, <c>{equity, cash, daily_pl, daily_pl_percent, current_drawdown,
    /// current_drawdown_percent, high_water_mark, trading_state, trading_state_reason, marked_at}</c>, after a monitor run
    /// (every fill queues one), a halt or a resume.
    /// </summary>
    public const string PortfolioMarked = "portfolio_marked";
}
