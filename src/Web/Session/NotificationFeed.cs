using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Web.Client;

namespace RiskPlatform.Web.Session;

/// <summary>
/// The tab's connection to the service's notification hub (<c>/hubs/notifications</c>), as any client connects: with the
/// access token. It keeps the unread count for the header badge and tells the pages when a notification arrives.
/// </summary>
public class NotificationFeed(RiskPlatformClient client, ApiBaseAddress baseAddress) : IAsyncDisposable
{
    private HubConnection? _connection;

    public int UnreadCount { get; private set; }

    public event Action? Changed;

    public event Action<Notification>? Received;

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
            _connection = connection;
            await connection.StartAsync(cancellationToken);
        }

        SetUnread((await client.GetNotificationStatsAsync(cancellationToken)).TotalUnread);
    }

    /// <summary>A notification the hub pushed: the pages that listen show it.</summary>
    internal void Receive(Notification notification) => Received?.Invoke(notification);

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
