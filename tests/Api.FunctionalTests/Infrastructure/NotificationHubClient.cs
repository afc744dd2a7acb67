using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Infrastructure;

/// <summary>
/// A SignalR client of <c>/hubs/notifications</c> over a real websocket into the test server, authenticating as browsers
/// do (<c>?access_token=</c>), recording every event it receives in order.
/// </summary>
public sealed class NotificationHubClient : IAsyncDisposable
{
    public const string HubPath = "/hubs/notifications";
    public static readonly string[] Events = ["notification_received", "unread_count_changed", "portfolio_marked"];

    private readonly HubConnection _connection;
    private readonly List<HubEvent> _received = [];

    private NotificationHubClient(HubConnection connection)
    {
        _connection = connection;
        foreach (var name in Events)
        {
            _connection.On<JsonElement>(name, payload =>
            {
                lock (_received)
                {
                    _received.Add(new HubEvent(name, payload.Clone()));
                }
            });
        }
    }

    public IReadOnlyList<HubEvent> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public HubConnectionState State => _connection.State;

    /// <summary>Connects (websockets only, no negotiate round trip); throws when the server refuses the connection.</summary>
    public static async Task<NotificationHubClient> ConnectAsync(TestServer server, string? accessToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, HubPath), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var uri = context.Uri;
                    if (accessToken is not null)
                    {
                        var query = uri.Query.TrimStart('?');
                        var token = $"access_token={Uri.EscapeDataString(accessToken)}";
                        uri = new UriBuilder(uri) { Query = query.Length == 0 ? token : $"{query}&{token}" }.Uri;
                    }

                    return await server.CreateWebSocketClient().ConnectAsync(uri, cancellationToken);
                };
            })
            .Build();
        var client = new NotificationHubClient(connection);
        try
        {
            await connection.StartAsync();
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return client;
    }

    /// <summary>Waits (with a deadline) until the received events satisfy the condition; returns them.</summary>
    public Task<IReadOnlyList<HubEvent>> WaitUntilAsync(Func<IReadOnlyList<HubEvent>, bool> condition, string because) =>
        Eventually.ReturnsAsync(() => Task.FromResult(Received), condition, TimeSpan.FromSeconds(10), because);

    /// <summary>Waits (with a deadline, 10 s unless given) until the server has closed this connection.</summary>
    public Task WaitUntilClosedAsync(string because, TimeSpan? timeout = null) =>
        Eventually.ReturnsAsync(() => Task.FromResult(State), state => state == HubConnectionState.Disconnected, timeout ?? TimeSpan.FromSeconds(10), because);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}

public sealed record HubEvent(string Name, JsonElement Payload)
{
    public override string ToString() => $"{Name} {Payload.GetRawText()}";
}
