using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;

namespace RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;

/// <summary>
/// Alpaca's trade-update stream (<c>/stream</c> on the fake's host, as on Alpaca's): the client authenticates
/// (<c>{"action":"auth","key","secret"}</c>, answered on the <c>authorization</c> stream), listens
/// (<c>{"action":"listen","data":{"streams":["trade_updates"]}}</c>, answered on <c>listening</c>), then receives every order
/// change of the simulator as a <c>trade_updates</c> message (<c>new</c>, <c>fill</c>, <c>canceled</c>) in binary frames, as
/// Alpaca's paper endpoint sends them. Tests can refuse connections (<see cref="Accepting"/>) or credentials
/// (<see cref="RefuseCredentials"/>), drop every connection, and send messages of their own.
/// </summary>
public sealed class FakeAlpacaStream() : FakeStreamEndpoint<string>(WebSocketMessageType.Binary)
{
    /// <summary>Clients authenticated and listening to trade_updates now.</summary>
    public int Listening => Clients.Count;

    /// <summary>A <c>trade_updates</c> message for <paramref name="order"/> as it is now (a fill carries price, qty and position_qty).</summary>
    public static string TradeUpdate(string tradeEvent, FakeAlpacaOrder order)
    {
        var data = new Dictionary<string, object?>
        {
            ["event"] = tradeEvent,
            ["execution_id"] = Guid.NewGuid().ToString(),
            ["timestamp"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["order"] = FakeAlpacaSimulator.OrderJson(order),
        };
        if (tradeEvent is "fill" or "partial_fill")
        {
            data["price"] = (order.FilledAvgPrice ?? 0m).ToString(CultureInfo.InvariantCulture);
            data["qty"] = order.FilledQty.ToString(CultureInfo.InvariantCulture);
            data["position_qty"] = order.FilledQty.ToString(CultureInfo.InvariantCulture);
        }

        return JsonSerializer.Serialize(new Dictionary<string, object?> { ["stream"] = "trade_updates", ["data"] = data });
    }

    internal void Publish(string tradeEvent, FakeAlpacaOrder order) => _ = SendAsync(TradeUpdate(tradeEvent, order));

    private protected override async Task ServeAsync(FakeStreamClient client, CancellationToken cancellationToken)
    {
        if (!await AuthenticateAsync(client, cancellationToken))
        {
            await client.Socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "unauthorized", cancellationToken);
            return;
        }

        while (await client.ReceiveJsonAsync(cancellationToken) is { } request)
        {
            using var document = request;
            if (document.RootElement.GetProperty("action").GetString() != "listen")
            {
                continue;
            }

            var granted = document.RootElement.GetProperty("data").GetProperty("streams").EnumerateArray()
                .Select(s => s.GetString()).Where(s => s == "trade_updates").ToList();
            await client.SendAsync(JsonSerializer.Serialize(new { stream = "listening", data = new { streams = granted } }), cancellationToken);
            if (granted.Count > 0)
            {
                Register(client, "trade_updates");
            }
        }
    }

    private async Task<bool> AuthenticateAsync(FakeStreamClient client, CancellationToken cancellationToken)
    {
        using var document = await client.ReceiveJsonAsync(cancellationToken);
        if (document is null)
        {
            return false;
        }

        var root = document.RootElement;
        var (key, secret) = root.GetProperty("action").GetString() switch
        {
            "auth" => (root.GetProperty("key").GetString(), root.GetProperty("secret").GetString()),
            "authenticate" => (root.GetProperty("data").GetProperty("key_id").GetString(), root.GetProperty("data").GetProperty("secret_key").GetString()),
            _ => (null, null),
        };
        var authorized = Authenticate(key, secret);
        await client.SendAsync(
            JsonSerializer.Serialize(new { stream = "authorization", data = new { action = "authenticate", status = authorized ? "authorized" : "unauthorized" } }),
            cancellationToken);
        return authorized;
    }
}
