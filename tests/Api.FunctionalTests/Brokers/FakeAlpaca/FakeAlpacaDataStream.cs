using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;

namespace RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;

/// <summary>
/// Alpaca's market-data stream (<c>/v2/iex</c> on the fake's host, as on <c>stream.data.alpaca.markets</c>), in text frames of
/// JSON arrays: <c>[{"T":"success","msg":"connected"}]</c> on opening; the client authenticates
/// (<c>{"action":"auth","key","secret"}</c> → <c>success authenticated</c>, or <c>error 402 auth failed</c> and the connection
/// closed), then subscribes and unsubscribes (<c>{"action":"subscribe","trades":[…],"quotes":[…]}</c> → <c>subscription</c>
/// with every channel now subscribed). Every quote the simulator sets is pushed as a <c>q</c> item to the clients subscribed to
/// the symbol's quotes; <see cref="PushTrade"/> pushes a <c>t</c>. Tests can refuse connections (<see cref="Accepting"/>) or
/// credentials (<see cref="RefuseCredentials"/>), drop every connection, and send messages of their own.
/// </summary>
public sealed class FakeAlpacaDataStream() : FakeStreamEndpoint<FakeAlpacaDataStream.Subscription>(WebSocketMessageType.Text)
{
    /// <summary>Clients authenticated now.</summary>
    public int Authenticated => Clients.Count;

    /// <summary>The symbols some authenticated client is subscribed to now (trades and quotes alike), in order.</summary>
    public IReadOnlyList<string> Subscribed =>
        [.. Clients.SelectMany(s => s.Quotes.Keys.Concat(s.Trades.Keys)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>A <c>t</c> item for <paramref name="symbol"/> at <paramref name="price"/>, pushed to the clients subscribed to its trades.</summary>
    public Task PushTrade(string symbol, decimal price) => SendAsync(s => s.Trades.ContainsKey(symbol), Items(new Dictionary<string, object>
    {
        ["T"] = "t",
        ["S"] = symbol,
        ["i"] = 96921,
        ["x"] = "V",
        ["p"] = price,
        ["s"] = 100,
        ["c"] = new[] { "@" },
        ["z"] = "C",
        ["t"] = Now(),
    }));

    /// <summary>A <c>q</c> item for the quote the simulator set, pushed to the clients subscribed to the symbol's quotes.</summary>
    internal void PublishQuote(string symbol, decimal bid, decimal ask) => _ = SendAsync(s => s.Quotes.ContainsKey(symbol), Items(new Dictionary<string, object>
    {
        ["T"] = "q",
        ["S"] = symbol,
        ["bx"] = "V",
        ["bp"] = bid,
        ["bs"] = 2,
        ["ax"] = "V",
        ["ap"] = ask,
        ["as"] = 3,
        ["c"] = new[] { "R" },
        ["z"] = "C",
        ["t"] = Now(),
    }));

    private protected override async Task ServeAsync(FakeStreamClient client, CancellationToken cancellationToken)
    {
        await client.SendAsync(Items(new Dictionary<string, object> { ["T"] = "success", ["msg"] = "connected" }), cancellationToken);
        if (!await AuthenticateAsync(client, cancellationToken))
        {
            await client.Socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "auth failed", cancellationToken);
            return;
        }

        var subscription = new Subscription();
        Register(client, subscription);
        while (await client.ReceiveJsonAsync(cancellationToken) is { } request)
        {
            using var document = request;
            var root = document.RootElement;
            var action = root.GetProperty("action").GetString();
            if (action is not ("subscribe" or "unsubscribe"))
            {
                continue;
            }

            foreach (var (name, channel) in new[] { ("trades", subscription.Trades), ("quotes", subscription.Quotes) })
            {
                foreach (var symbol in root.TryGetProperty(name, out var list) ? list.EnumerateArray().Select(s => s.GetString()!) : [])
                {
                    _ = action == "subscribe" ? channel.TryAdd(symbol, 0) : channel.TryRemove(symbol, out _);
                }
            }

            await client.SendAsync(
                Items(new Dictionary<string, object>
                {
                    ["T"] = "subscription",
                    ["trades"] = subscription.Trades.Keys.Order(StringComparer.Ordinal).ToList(),
                    ["quotes"] = subscription.Quotes.Keys.Order(StringComparer.Ordinal).ToList(),
                    ["bars"] = Array.Empty<string>(),
                }),
                cancellationToken);
        }
    }

    private static string Items(Dictionary<string, object> item) => JsonSerializer.Serialize(new[] { item });

    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private async Task<bool> AuthenticateAsync(FakeStreamClient client, CancellationToken cancellationToken)
    {
        using var document = await client.ReceiveJsonAsync(cancellationToken);
        if (document is null)
        {
            return false;
        }

        var root = document.RootElement;
        var authorized = root.GetProperty("action").GetString() == "auth"
            ? Authenticate(root.GetProperty("key").GetString(), root.GetProperty("secret").GetString())
            : Authenticate(null, null);
        await client.SendAsync(
            authorized
                ? Items(new Dictionary<string, object> { ["T"] = "success", ["msg"] = "authenticated" })
                : Items(new Dictionary<string, object> { ["T"] = "error", ["code"] = 402, ["msg"] = "auth failed" }),
            cancellationToken);
        return authorized;
    }

    /// <summary>One client's subscribed symbols per channel.</summary>
    public sealed class Subscription
    {
        public ConcurrentDictionary<string, byte> Trades { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, byte> Quotes { get; } = new(StringComparer.Ordinal);
    }
}
