using RiskPlatform.Application.Common.Brokers;
using RiskPlatform.Application.MarketData.Commands.ImportPriceBars;
using RiskPlatform.Domain.MarketData.History;
using System.Globalization;
using System.Text.Json;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Infrastructure.Brokers.Alpaca.Streams;

namespace RiskPlatform.Infrastructure.Brokers.Alpaca;

/// <summary>
/// Reads Alpaca's documented JSON: numbers arrive as strings and are parsed as invariant-culture decimals; a missing or
/// malformed field is an <see cref="AlpacaPayloadException"/>, never a zero (the risk check must not judge made-up data).
/// </summary>
internal static class AlpacaPayloads
{
    /// <summary>GET /v2/positions: side long/short becomes the sign of the quantity.</summary>
    public static IReadOnlyList<BrokerPosition> ParsePositions(ReadOnlySpan<byte> body)
    {
        using var document = Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new AlpacaPayloadException("positions: expected an array.");
        }

        var positions = new List<BrokerPosition>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var quantity = Math.Abs(Decimal(item, "qty"));
            var side = Text(item, "side");
            var signed = side switch
            {
                "long" => quantity,
                "short" => -quantity,
                _ => throw new AlpacaPayloadException($"positions: unknown side '{side}'."),
            };
            if (signed != 0)
            {
                positions.Add(new BrokerPosition(
                    Text(item, "symbol").ToUpperInvariant(),
                    signed,
                    Decimal(item, "avg_entry_price"),
                    Decimal(item, "current_price"),
                    Decimal(item, "unrealized_pl")));
            }
        }

        return positions;
    }

    /// <summary>GET {data}/v2/stocks/{symbol}/quotes/latest: quote.bp (bid), quote.ap (ask), quote.t (time, RFC 3339).</summary>
    public static BrokerQuote ParseLatestQuote(string symbol, ReadOnlySpan<byte> body)
    {
        using var document = Parse(body);
        if (!document.RootElement.TryGetProperty("quote", out var quote) || quote.ValueKind != JsonValueKind.Object)
        {
            throw new AlpacaPayloadException("quote: missing 'quote' object.");
        }

        var bid = Number(quote, "bp");
        var ask = Number(quote, "ap");
        var text = Text(quote, "t");
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var timestamp))
        {
            throw new AlpacaPayloadException("quote: 't' is not a timestamp.");
        }

        return new BrokerQuote(symbol.ToUpperInvariant(), bid, ask, null, DateTime.SpecifyKind(timestamp, DateTimeKind.Utc));
    }

    /// <summary>
    /// GET /v2/stocks/bars (timeframe 1Day): <c>{"bars": {"AAPL": [{"t", "o", "h", "l", "c", "v", ...}]}, "next_page_token"}</c>.
    /// Each bar's date is the New York date of its timestamp (daily bars are stamped at New York midnight); fields other than
    /// OHLCV are ignored.
    /// </summary>
    public static (IReadOnlyList<PriceBarInput> Bars, string? NextPageToken) ParseBars(ReadOnlySpan<byte> body)
    {
        using var document = Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new AlpacaPayloadException("bars: expected an object.");
        }

        var bars = new List<PriceBarInput>();
        if (root.TryGetProperty("bars", out var bySymbol) && bySymbol.ValueKind == JsonValueKind.Object)
        {
            foreach (var symbol in bySymbol.EnumerateObject())
            {
                if (symbol.Value.ValueKind != JsonValueKind.Array)
                {
                    throw new AlpacaPayloadException($"bars: '{symbol.Name}' is not an array.");
                }

                foreach (var bar in symbol.Value.EnumerateArray())
                {
                    var text = Text(bar, "t");
                    if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
                    {
                        throw new AlpacaPayloadException("bars: 't' is not a timestamp.");
                    }

                    bars.Add(new PriceBarInput(
                        symbol.Name.ToUpperInvariant(),
                        PriceBar.TradingDateOf(DateTime.SpecifyKind(at, DateTimeKind.Utc)),
                        Number(bar, "o"),
                        Number(bar, "h"),
                        Number(bar, "l"),
                        Number(bar, "c"),
                        Number(bar, "v")));
                }
            }
        }
        else if (!root.TryGetProperty("bars", out var empty) || empty.ValueKind != JsonValueKind.Null)
        {
            throw new AlpacaPayloadException("bars: missing 'bars' object.");
        }

        var next = root.TryGetProperty("next_page_token", out var token) && token.ValueKind == JsonValueKind.String ? token.GetString() : null;
        return (bars, string.IsNullOrEmpty(next) ? null : next);
    }

    /// <summary>
    /// GET /v2/account. Day-start equity is <c>last_equity</c> (equity at the previous close); the high-water mark Alpaca does not
    /// track is max(last_equity, equity). The pattern-day-trader fields are not read, so their absence is fine.
    /// </summary>
    public static AlpacaAccount ParseAccount(ReadOnlySpan<byte> body)
    {
        using var document = Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new AlpacaPayloadException("account: expected an object.");
        }

        return new AlpacaAccount(
            OptionalText(root, "account_number") ?? Text(root, "id"),
            Text(root, "status"),
            Decimal(root, "equity"),
            Decimal(root, "last_equity"),
            Decimal(root, "cash"),
            Decimal(root, "buying_power"),
            OptionalBool(root, "trading_blocked") ?? false,
            OptionalBool(root, "account_blocked") ?? false);
    }

    /// <summary>An order object (POST /v2/orders, GET /v2/orders/{id}, GET /v2/orders:by_client_order_id, DELETE /v2/positions/{symbol}).</summary>
    public static BrokerOrder ParseOrder(ReadOnlySpan<byte> body)
    {
        using var document = Parse(body);
        return ReadOrder(document.RootElement);
    }

    /// <summary>GET /v2/orders: an array of order objects.</summary>
    public static IReadOnlyList<BrokerOrder> ParseOrders(ReadOnlySpan<byte> body)
    {
        using var document = Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new AlpacaPayloadException("orders: expected an array.");
        }

        return [.. document.RootElement.EnumerateArray().Select(ReadOrder)];
    }

    /// <summary>
    /// DELETE /v2/positions (207 multi-status): one entry per position, <c>{symbol, status, body}</c>; body is the closing order
    /// when status is 200, otherwise Alpaca's error object.
    /// </summary>
    public static IReadOnlyList<BrokerPositionClose> ParseCloseAll(ReadOnlySpan<byte> body)
    {
        using var document = Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new AlpacaPayloadException("close all positions: expected an array.");
        }

        var results = new List<BrokerPositionClose>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var symbol = Text(item, "symbol").ToUpperInvariant();
            var status = item.TryGetProperty("status", out var s) && s.TryGetInt32(out var code) ? code : 0;
            item.TryGetProperty("body", out var result);
            results.Add(status is >= 200 and < 300 && result.ValueKind == JsonValueKind.Object
                ? new BrokerPositionClose(symbol, ReadOrder(result), null)
                : new BrokerPositionClose(symbol, null, ErrorText(result) ?? $"HTTP {status}"));
        }

        return results;
    }

    /// <summary>Alpaca's error body <c>{"code": 40310000, "message": "…"}</c>: the message, or null when there is none.</summary>
    public static string? ErrorMessage(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            return ErrorText(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Alpaca order status → ours. Anything that may still fill is new (or partially filled); done_for_day stays open.</summary>
    public static OrderStatus MapStatus(string status) => status switch
    {
        "partially_filled" => OrderStatus.PartiallyFilled,
        "filled" => OrderStatus.Filled,
        "canceled" or "cancelled" or "replaced" => OrderStatus.Cancelled,
        "expired" => OrderStatus.Expired,
        "rejected" => OrderStatus.Rejected,
        "new" or "accepted" or "pending_new" or "accepted_for_bidding" or "pending_cancel" or "pending_replace"
            or "done_for_day" or "calculated" or "stopped" or "suspended" or "held" => OrderStatus.New,
        _ => throw new AlpacaPayloadException($"order: unknown status '{status}'."),
    };

    /// <summary>A decimal sent as a string (Alpaca's trading API convention).</summary>
    public static decimal Decimal(JsonElement element, string name)
    {
        var text = Text(element, name);
        return decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new AlpacaPayloadException($"'{name}' is not a decimal.");
    }

    /// <summary>
    /// One message of the trade-update stream (<c>{"stream": "...", "data": {...}}</c>; the paper endpoint sends binary frames,
    /// the live one text, both JSON): <c>authorization</c> (data.status <c>authorized</c>), <c>listening</c> (data.streams), or
    /// <c>trade_updates</c> (data.event and data.order, an order object as the REST API returns it). Any other stream is
    /// returned as <see cref="AlpacaStreamMessageKind.Other"/>.
    /// </summary>
    public static AlpacaStreamMessage ParseStreamMessage(ReadOnlySpan<byte> body)
    {
        using var document = Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new AlpacaPayloadException("stream message: expected an object.");
        }

        var stream = Text(root, "stream");
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new AlpacaPayloadException($"stream message '{stream}': 'data' is missing or not an object.");
        }

        return stream switch
        {
            "authorization" => new AlpacaStreamMessage(AlpacaStreamMessageKind.Authorization, stream)
            {
                Authorized = OptionalText(data, "status") == "authorized",
            },
            "listening" => new AlpacaStreamMessage(AlpacaStreamMessageKind.Listening, stream)
            {
                Streams = data.TryGetProperty("streams", out var streams) && streams.ValueKind == JsonValueKind.Array
                    ? [.. streams.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!)]
                    : [],
            },
            "trade_updates" => new AlpacaStreamMessage(AlpacaStreamMessageKind.TradeUpdate, stream)
            {
                Event = Text(data, "event"),
                Order = data.TryGetProperty("order", out var order)
                    ? ReadOrder(order)
                    : throw new AlpacaPayloadException("trade update: 'order' is missing."),
            },
            _ => new AlpacaStreamMessage(AlpacaStreamMessageKind.Other, stream),
        };
    }

    /// <summary>
    /// One message of the market-data stream (<c>wss://stream.data.alpaca.markets/v2/{feed}</c>): a JSON array of items, each
    /// with its type in <c>"T"</c> and numbers as JSON numbers: <c>success</c> (<c>msg</c>), <c>error</c> (<c>code</c>,
    /// <c>msg</c>), <c>subscription</c> (<c>trades</c>, <c>quotes</c>), <c>t</c> (<c>S</c> symbol, <c>p</c> price) and <c>q</c>
    /// (<c>S</c>, <c>bp</c> bid, <c>ap</c> ask). A message that is not an array of objects is an
    /// <see cref="AlpacaPayloadException"/>; an item whose fields cannot be read is returned as
    /// <see cref="AlpacaMarketDataMessageKind.Unreadable"/>, so the items beside it still count.
    /// </summary>
    public static IReadOnlyList<AlpacaMarketDataMessage> ParseMarketDataMessages(ReadOnlySpan<byte> body)
    {
        using var document = Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new AlpacaPayloadException("market-data message: expected an array.");
        }

        var messages = new List<AlpacaMarketDataMessage>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            try
            {
                messages.Add(ReadMarketDataItem(item));
            }
            catch (AlpacaPayloadException exception)
            {
                messages.Add(new AlpacaMarketDataMessage(AlpacaMarketDataMessageKind.Unreadable) { Text = exception.Message });
            }
        }

        return messages;
    }

    private static AlpacaMarketDataMessage ReadMarketDataItem(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new AlpacaPayloadException("market-data item: expected an object.");
        }

        return Text(item, "T") switch
        {
            "success" => new AlpacaMarketDataMessage(AlpacaMarketDataMessageKind.Success) { Text = OptionalText(item, "msg") },
            "error" => new AlpacaMarketDataMessage(AlpacaMarketDataMessageKind.Error)
            {
                Code = item.TryGetProperty("code", out var code) && code.TryGetInt32(out var number) ? number : null,
                Text = OptionalText(item, "msg"),
            },
            "subscription" => new AlpacaMarketDataMessage(AlpacaMarketDataMessageKind.Subscription)
            {
                Trades = Symbols(item, "trades"),
                Quotes = Symbols(item, "quotes"),
            },
            "t" => new AlpacaMarketDataMessage(AlpacaMarketDataMessageKind.Trade)
            {
                Symbol = Text(item, "S").ToUpperInvariant(),
                Price = Number(item, "p"),
            },
            "q" => new AlpacaMarketDataMessage(AlpacaMarketDataMessageKind.Quote)
            {
                Symbol = Text(item, "S").ToUpperInvariant(),
                Bid = Number(item, "bp"),
                Ask = Number(item, "ap"),
            },
            _ => new AlpacaMarketDataMessage(AlpacaMarketDataMessageKind.Other),
        };
    }

    private static List<string> Symbols(JsonElement element, string name) =>
        element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!.ToUpperInvariant())]
            : [];

    private static BrokerOrder ReadOrder(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new AlpacaPayloadException("order: expected an object.");
        }

        var type = Text(item, "type") switch
        {
            "market" or "stop" or "trailing_stop" => OrderType.Market,
            "limit" or "stop_limit" => OrderType.Limit,
            var other => throw new AlpacaPayloadException($"order: unknown type '{other}'."),
        };
        var side = Text(item, "side") switch
        {
            "buy" => OrderSide.Buy,
            "sell" => OrderSide.Sell,
            var other => throw new AlpacaPayloadException($"order: unknown side '{other}'."),
        };
        var quantity = OptionalDecimal(item, "qty")
            ?? throw new AlpacaPayloadException("order: 'qty' is missing (notional orders are not supported).");
        return new BrokerOrder(
            Text(item, "id"),
            OptionalText(item, "client_order_id"),
            Text(item, "symbol").ToUpperInvariant(),
            side,
            type,
            Text(item, "time_in_force") == "gtc" ? TimeInForce.Gtc : TimeInForce.Day,
            quantity,
            OptionalDecimal(item, "filled_qty") ?? 0m,
            OptionalDecimal(item, "limit_price"),
            OptionalDecimal(item, "filled_avg_price"),
            MapStatus(Text(item, "status")),
            null,
            OptionalTime(item, "submitted_at") ?? OptionalTime(item, "created_at") ?? throw new AlpacaPayloadException("order: no submitted_at or created_at."),
            OptionalTime(item, "filled_at"));
    }

    private static string? ErrorText(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
            ? message.GetString()
            : null;

    private static string? OptionalText(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool? OptionalBool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    private static decimal? OptionalDecimal(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Decimal(element, name) : null;

    private static DateTime? OptionalTime(JsonElement element, string name)
    {
        if (OptionalText(element, name) is not { } text)
        {
            return null;
        }

        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? DateTime.SpecifyKind(time, DateTimeKind.Utc)
            : throw new AlpacaPayloadException($"'{name}' is not a timestamp.");
    }

    private static decimal Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
            ? number
            : throw new AlpacaPayloadException($"'{name}' is missing or not a number.");

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new AlpacaPayloadException($"'{name}' is missing or not a string.");

    private static JsonDocument Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException exception)
        {
            throw new AlpacaPayloadException("the body is not JSON.", exception);
        }
    }
}
