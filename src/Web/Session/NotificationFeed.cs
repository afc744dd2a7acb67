using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Web.Client;

namespace RiskPlatform.Web.Session;

/// <summary>
/// The tab's connection to the service's notification hub (<c>/hubs/notifications</c>), as any client connects: with the
/// access token. It keeps the unread count for the header badge, tells the pages when a notification arrives and when the
/// account's latest mark does (<c>portfolio_marked</c>), and whether it is connected (<see cref="IsLive"/>): a page that shows
/// live figures reads them itself only while it is not.
/// </summary>
public class NotificationFeed(RiskPlatformClient client, ApiBaseAddress baseAddress) : IAsyncDisposable
{
    private HubConnection? _connection;

    public int UnreadCount { get; private set; }

    public event Action? Changed;

    public event Action<Notification>? Received;

    /// <summary>The account's latest mark, pushed after the command that marked it committed.</summary>
    public event Action<PortfolioMark>? Marked;

    /// <summary>True while the hub connection is up (false before it starts, while it reconnects, after it closed).</summary>
    public bool IsLive { get; private set; }

    /// <summary>Raised when <see cref="IsLive"/> changes.</summary>
    public event Action? LiveChanged;

    /// <summary>Connects (once) and reads the current unread count.</summary>
    public virtual async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_connection is null)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(baseAddress.Value, "hubs/notifications"), options => options.AccessTokenProvider = () => client.AccessTokenAsync())
                .AddJsonProtocol(options => options.PayloadSerializerOptions = WireJson.Options)
                .WithAutomaticReconnect()
                .Build();
            connection.On<UnreadCountChange>("unread_count_changed", count => SetUnread(count.UnreadCount));
            connection.On<Notification>("notification_received", Receive);
            connection.On<PortfolioMark>("portfolio_marked", ReceiveMark);
            connection.Reconnecting += _ => SetLive(false);
            connection.Reconnected += _ => SetLive(true);
            connection.Closed += _ => SetLive(false);
            _connection = connection;
            await connection.StartAsync(cancellationToken);
            await SetLive(true);
        }

        SetUnread((await client.GetNotificationStatsAsync(cancellationToken)).TotalUnread);
    }

    /// <summary>A notification the hub pushed: the pages that listen show it.</summary>
    internal void Receive(Notification notification) => Received?.Invoke(notification);

    /// <summary>A mark the hub pushed: the dashboard applies it.</summary>
    internal void ReceiveMark(PortfolioMark mark) => Marked?.Invoke(mark);

    /// <summary>The connection came up or went down.</summary>
    internal Task SetLive(bool live)
    {
        if (IsLive != live)
        {
            IsLive = live;
            LiveChanged?.Invoke();
        }

        return Task.CompletedTask;
    }

    /// <summary>The count after an action of this tab (mark read): the hub confirms it a moment later.</summary>
    public void SetUnread(int count)
    {
        UnreadCount = count;
        Changed?.Invoke();
    }

    public virtual async Task StopAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }

        await SetLive(false);
        SetUnread(0);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
