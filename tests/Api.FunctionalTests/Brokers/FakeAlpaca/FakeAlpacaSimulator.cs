using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;

/// <summary>
/// The state behind the fake Alpaca: one account (cash, last_equity), positions, orders and latest quotes. Market orders fill at
/// once at the quote (buy at the ask, sell at the bid); limit orders fill when marketable, otherwise rest. A buy costing more than
/// the buying power (= cash) is refused with 403 "insufficient buying power"; a repeated client_order_id with 422. Tests set quotes
/// with <see cref="SetQuote"/> and inject failures per route with <see cref="FailNext"/> (e.g. "POST /v2/orders").
/// </summary>
public sealed class FakeAlpacaSimulator
{
    public const string BodyItem = "fake-alpaca-body";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (decimal Bid, decimal Ask, DateTime At)> _quotes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeAlpacaPosition> _positions = new(StringComparer.Ordinal);
    private readonly List<FakeAlpacaOrder> _orders = [];
    private readonly Dictionary<string, List<FakeAlpacaBar>> _bars = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeAlpacaFailure>> _failures = new(StringComparer.Ordinal);

    /// <summary>Raised under the simulator's lock whenever a quote is set: (symbol, bid, ask), as Alpaca's market-data stream pushes it.</summary>
    internal event Action<string, decimal, decimal>? QuoteChanged;

    /// <summary>Raised under the simulator's lock whenever an order changes: (Alpaca's trade event, the order as it is now).</summary>
    internal event Action<string, FakeAlpacaOrder>? OrderChanged;

    public decimal Cash { get; set; } = 100_000m;

    /// <summary>Most bars one GET /v2/stocks/bars page holds, whatever <c>limit</c> asks (Alpaca's own cap is 10,000).</summary>
    public int MaxBarsPerPage { get; set; } = 10_000;

    public decimal LastEquity { get; set; } = 100_000m;

    /// <summary>When false, the account omits the pattern-day-trader fields (Alpaca may drop them).</summary>
    public bool IncludePatternDayTraderFields { get; set; } = true;

    public IReadOnlyList<FakeAlpacaOrder> Orders
    {
        get
        {
            lock (_lock)
            {
                return [.. _orders];
            }
        }
    }

    public IReadOnlyList<FakeAlpacaPosition> Positions
    {
        get
        {
            lock (_lock)
            {
                return [.. _positions.Values];
            }
        }
    }

    public void SetQuote(string symbol, decimal bid, decimal ask, DateTime? at = null)
    {
        lock (_lock)
        {
            _quotes[symbol] = (bid, ask, at ?? DateTime.UtcNow);
            QuoteChanged?.Invoke(symbol, bid, ask);
            foreach (var order in _orders.Where(o => o.IsOpen && o.Symbol == symbol).ToList())
            {
                TryFill(order);
            }
        }
    }

    /// <summary>The daily bars GET /v2/stocks/bars serves for <paramref name="symbol"/> (replacing any set before).</summary>
    public void SetBars(string symbol, IEnumerable<FakeAlpacaBar> bars)
    {
        lock (_lock)
        {
            _bars[symbol] = [.. bars.OrderBy(b => b.Date)];
        }
    }

    /// <summary>Puts a position in place directly (as if filled earlier at <paramref name="avgEntryPrice"/>).</summary>
    public void SetPosition(string symbol, decimal qty, decimal avgEntryPrice)
    {
        lock (_lock)
        {
            _positions[symbol] = new FakeAlpacaPosition(symbol, qty, avgEntryPrice);
        }
    }

    /// <summary>The next <paramref name="times"/> requests on <paramref name="route"/> ("GET /v2/account", "POST /v2/orders", …) fail so.</summary>
    public void FailNext(string route, FakeAlpacaFailure failure, int times = 1)
    {
        var queue = _failures.GetOrAdd(route, _ => new ConcurrentQueue<FakeAlpacaFailure>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(failure);
        }
    }

    /// <summary>Equity = cash + Σ qty × mid.</summary>
    public decimal Equity
    {
        get
        {
            lock (_lock)
            {
                return Cash + _positions.Values.Sum(p => p.Qty * Mark(p));
            }
        }
    }

    internal async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        var routePath = path.StartsWith("/v2/orders/", StringComparison.Ordinal) ? "/v2/orders/{id}"
            : path.StartsWith("/v2/positions/", StringComparison.Ordinal) ? "/v2/positions/{symbol}"
            : path == "/v2/stocks/bars" ? path
            : path.StartsWith("/v2/stocks/", StringComparison.Ordinal) ? "/v2/stocks/{symbol}/quotes/latest"
            : path;
        var route = $"{request.Method} {routePath}";
        FakeAlpacaFailure? failure = null;
        if ((_failures.TryGetValue(route, out var queue) && queue.TryDequeue(out failure))
            || (_failures.TryGetValue($"{request.Method} {path}", out queue) && queue.TryDequeue(out failure)))
        {
            if (failure.ApplyFirst)
            {
                _ = Route(context, route, path);
            }

            if (failure.Delay > TimeSpan.Zero)
            {
                await Task.Delay(failure.Delay, context.RequestAborted);
            }

            if (failure.Status != 0)
            {
                context.Response.StatusCode = failure.Status;
                if (failure.RetryAfterSeconds is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                }

                await context.Response.WriteAsJsonAsync(new Dictionary<string, object> { ["code"] = failure.Status * 100_000, ["message"] = failure.Message });
                return;
            }

            if (failure.ApplyFirst)
            {
                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
            }
        }

        var (status, payload) = Route(context, route, path);
        context.Response.StatusCode = status;
        if (payload is not null)
        {
            await context.Response.WriteAsJsonAsync(payload);
        }
    }

    private (int Status, object? Payload) Route(HttpContext context, string route, string path)
    {
        var query = context.Request.Query;
        lock (_lock)
        {
            return route switch
            {
                "GET /v2/account" => (200, AccountJson()),
                "GET /v2/positions" => (200, _positions.Values.OrderBy(p => p.Symbol, StringComparer.Ordinal).Select(PositionJson).ToList()),
                "DELETE /v2/positions" => (207, CloseAll(query["cancel_orders"] == "true")),
                "DELETE /v2/positions/{symbol}" => ClosePosition(path["/v2/positions/".Length..]),
                "GET /v2/orders" => (200, _orders.Where(o => query["status"] != "open" || o.IsOpen).Select(OrderJson).ToList()),
                "GET /v2/orders:by_client_order_id" => _orders.Find(o => o.ClientOrderId == query["client_order_id"]) is { } byClient
                    ? (200, OrderJson(byClient))
                    : Error(404, "order not found"),
                "GET /v2/orders/{id}" => _orders.Find(o => o.Id == path["/v2/orders/".Length..]) is { } order ? (200, OrderJson(order)) : Error(404, "order not found"),
                "DELETE /v2/orders/{id}" => Cancel(path["/v2/orders/".Length..]),
                "POST /v2/orders" => Submit((string)context.Items[BodyItem]!),
                "GET /v2/stocks/{symbol}/quotes/latest" => Quote(path.Split('/')[3]),
                "GET /v2/stocks/bars" => Bars(query),
                _ => Error(404, "Not Found"),
            };
        }
    }

    /// <summary>
    /// Alpaca's multi-symbol bars: the symbols' bars from start to end (dates), in symbol order then date order, <c>limit</c> per
    /// page (capped by <see cref="MaxBarsPerPage"/>), <c>next_page_token</c> the offset of the next page; each bar stamped at New
    /// York midnight as Alpaca stamps daily bars.
    /// </summary>
    private (int, object?) Bars(IQueryCollection query)
    {
        if (query["timeframe"] != "1Day")
        {
            return Error(422, "invalid timeframe");
        }

        var symbols = query["symbols"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        var start = DateOnly.Parse(query["start"].ToString(), CultureInfo.InvariantCulture);
        var end = DateOnly.Parse(query["end"].ToString(), CultureInfo.InvariantCulture);
        var limit = Math.Min(int.Parse(query["limit"].ToString(), CultureInfo.InvariantCulture), MaxBarsPerPage);
        var offset = query.TryGetValue("page_token", out var token) ? int.Parse(token.ToString(), CultureInfo.InvariantCulture) : 0;
        var all = symbols
            .SelectMany(s => (_bars.TryGetValue(s, out var bars) ? bars : []).Where(b => b.Date >= start && b.Date <= end).Select(b => (Symbol: s, Bar: b)))
            .ToList();
        var page = all.Skip(offset).Take(limit).ToList();
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var bySymbol = page.GroupBy(p => p.Symbol).ToDictionary(
            g => g.Key,
            g => g.Select(p => new Dictionary<string, object>
            {
                ["t"] = TimeZoneInfo.ConvertTimeToUtc(p.Bar.Date.ToDateTime(TimeOnly.MinValue), newYork).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                ["o"] = p.Bar.Open,
                ["h"] = p.Bar.High,
                ["l"] = p.Bar.Low,
                ["c"] = p.Bar.Close,
                ["v"] = p.Bar.Volume,
                ["n"] = 100,
                ["vw"] = p.Bar.Close,
            }).ToList());
        return (200, new Dictionary<string, object?>
        {
            ["bars"] = bySymbol,
            ["next_page_token"] = offset + limit < all.Count ? (offset + limit).ToString(CultureInfo.InvariantCulture) : null,
        });
    }

    private (int, object?) Submit(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var clientOrderId = root.GetProperty("client_order_id").GetString()!;
        if (_orders.Exists(o => o.ClientOrderId == clientOrderId))
        {
            return Error(422, "client_order_id must be unique");
        }

        var qty = decimal.Parse(root.GetProperty("qty").GetString()!, CultureInfo.InvariantCulture);
        if (qty <= 0)
        {
            return Error(422, "qty must be > 0");
        }

        var symbol = root.GetProperty("symbol").GetString()!;
        var side = root.GetProperty("side").GetString()!;
        var type = root.GetProperty("type").GetString()!;
        decimal? limit = root.TryGetProperty("limit_price", out var l) ? decimal.Parse(l.GetString()!, CultureInfo.InvariantCulture) : null;
        if (side == "buy" && _quotes.TryGetValue(symbol, out var quote) && qty * (limit ?? quote.Ask) > Cash)
        {
            return Error(403, "insufficient buying power");
        }

        var order = new FakeAlpacaOrder
        {
            Id = Guid.NewGuid().ToString(),
            ClientOrderId = clientOrderId,
            Symbol = symbol,
            Side = side,
            Type = type,
            TimeInForce = root.GetProperty("time_in_force").GetString()!,
            Qty = qty,
            LimitPrice = limit,
            SubmittedAt = DateTime.UtcNow,
        };
        _orders.Add(order);
        OrderChanged?.Invoke("new", order);
        TryFill(order);
        return (200, OrderJson(order));
    }

    private (int, object?) Cancel(string id)
    {
        var order = _orders.Find(o => o.Id == id);
        if (order is null)
        {
            return Error(404, "order not found");
        }

        if (!order.IsOpen)
        {
            return Error(422, $"order is already in \"{order.Status}\" state");
        }

        order.Status = "canceled";
        order.CanceledAt = DateTime.UtcNow;
        OrderChanged?.Invoke("canceled", order);
        return (204, null);
    }

    private (int, object?) ClosePosition(string symbol)
    {
        if (!_positions.TryGetValue(symbol, out var position))
        {
            return Error(404, "position does not exist");
        }

        var order = CloseOrder(position);
        return (200, OrderJson(order));
    }

    private List<object> CloseAll(bool cancelOrders)
    {
        if (cancelOrders)
        {
            foreach (var open in _orders.Where(o => o.IsOpen))
            {
                open.Status = "canceled";
                open.CanceledAt = DateTime.UtcNow;
                OrderChanged?.Invoke("canceled", open);
            }
        }

        return [.. _positions.Values.OrderBy(p => p.Symbol, StringComparer.Ordinal).ToList()
            .Select(p => (object)new Dictionary<string, object?> { ["symbol"] = p.Symbol, ["status"] = 200, ["body"] = OrderJson(CloseOrder(p)) })];
    }

    private FakeAlpacaOrder CloseOrder(FakeAlpacaPosition position)
    {
        var order = new FakeAlpacaOrder
        {
            Id = Guid.NewGuid().ToString(),
            ClientOrderId = Guid.NewGuid().ToString(),
            Symbol = position.Symbol,
            Side = position.Qty > 0 ? "sell" : "buy",
            Type = "market",
            TimeInForce = "day",
            Qty = Math.Abs(position.Qty),
            SubmittedAt = DateTime.UtcNow,
        };
        _orders.Add(order);
        TryFill(order);
        return order;
    }

    private (int, object?) Quote(string symbol) => _quotes.TryGetValue(symbol, out var quote)
        ? (200, new Dictionary<string, object>
        {
            ["symbol"] = symbol,
            ["quote"] = new Dictionary<string, object>
            {
                ["t"] = quote.At.ToString("O", CultureInfo.InvariantCulture),
                ["ax"] = "V",
                ["ap"] = quote.Ask,
                ["as"] = 3,
                ["bx"] = "V",
                ["bp"] = quote.Bid,
                ["bs"] = 2,
                ["c"] = new[] { "R" },
                ["z"] = "C",
            },
        })
        : Error(404, $"no quote found for {symbol}");

    private void TryFill(FakeAlpacaOrder order)
    {
        if (!_quotes.TryGetValue(order.Symbol, out var quote))
        {
            return;
        }

        var price = order.Side == "buy" ? quote.Ask : quote.Bid;
        var marketable = order.Type == "market"
            || (order.Side == "buy" ? order.LimitPrice >= quote.Ask : order.LimitPrice <= quote.Bid);
        if (!marketable)
        {
            return;
        }

        var signed = order.Side == "buy" ? order.Qty : -order.Qty;
        Cash -= signed * price;
        var current = _positions.TryGetValue(order.Symbol, out var p) ? p : new FakeAlpacaPosition(order.Symbol, 0m, 0m);
        var qty = current.Qty + signed;
        var avg = qty == 0 ? 0m
            : Math.Sign(current.Qty) == Math.Sign(signed) || current.Qty == 0 ? ((current.Qty * current.AvgEntryPrice) + (signed * price)) / qty
            : Math.Sign(qty) == Math.Sign(current.Qty) ? current.AvgEntryPrice
            : price;
        if (qty == 0)
        {
            _positions.Remove(order.Symbol);
        }
        else
        {
            _positions[order.Symbol] = new FakeAlpacaPosition(order.Symbol, qty, avg);
        }

        order.Status = "filled";
        order.FilledQty = order.Qty;
        order.FilledAvgPrice = price;
        order.FilledAt = DateTime.UtcNow;
        OrderChanged?.Invoke("fill", order);
    }

    private decimal Mark(FakeAlpacaPosition position) =>
        _quotes.TryGetValue(position.Symbol, out var quote) ? (quote.Bid + quote.Ask) / 2m : position.AvgEntryPrice;

    private Dictionary<string, object?> AccountJson()
    {
        var longValue = _positions.Values.Where(p => p.Qty > 0).Sum(p => p.Qty * Mark(p));
        var shortValue = _positions.Values.Where(p => p.Qty < 0).Sum(p => p.Qty * Mark(p));
        var equity = Cash + longValue + shortValue;
        var account = new Dictionary<string, object?>
        {
            ["id"] = "904837e3-3b76-47ec-b432-046db621571b",
            ["account_number"] = "PA3FAKE0001",
            ["status"] = "ACTIVE",
            ["currency"] = "USD",
            ["cash"] = S(Cash),
            ["portfolio_value"] = S(equity),
            ["equity"] = S(equity),
            ["last_equity"] = S(LastEquity),
            ["long_market_value"] = S(longValue),
            ["short_market_value"] = S(shortValue),
            ["buying_power"] = S(Cash),
            ["regt_buying_power"] = S(Cash),
            ["multiplier"] = "1",
            ["trading_blocked"] = false,
            ["account_blocked"] = false,
            ["shorting_enabled"] = true,
            ["created_at"] = "2024-01-02T15:04:05.123456Z",
        };
        if (IncludePatternDayTraderFields)
        {
            account["pattern_day_trader"] = false;
            account["daytrade_count"] = 0;
            account["daytrading_buying_power"] = "0";
        }

        return account;
    }

    private Dictionary<string, object?> PositionJson(FakeAlpacaPosition position)
    {
        var mark = Mark(position);
        var unrealized = (mark - position.AvgEntryPrice) * position.Qty;
        return new Dictionary<string, object?>
        {
            ["asset_id"] = "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415",
            ["symbol"] = position.Symbol,
            ["exchange"] = "NASDAQ",
            ["asset_class"] = "us_equity",
            ["avg_entry_price"] = S(position.AvgEntryPrice),
            ["qty"] = S(position.Qty),
            ["qty_available"] = S(position.Qty),
            ["side"] = position.Qty > 0 ? "long" : "short",
            ["market_value"] = S(position.Qty * mark),
            ["cost_basis"] = S(position.Qty * position.AvgEntryPrice),
            ["unrealized_pl"] = S(unrealized),
            ["unrealized_intraday_pl"] = S(unrealized),
            ["current_price"] = S(mark),
            ["lastday_price"] = S(mark),
            ["change_today"] = "0",
        };
    }

    internal static Dictionary<string, object?> OrderJson(FakeAlpacaOrder order) => new()
    {
        ["id"] = order.Id,
        ["client_order_id"] = order.ClientOrderId,
        ["created_at"] = T(order.SubmittedAt),
        ["updated_at"] = T(order.FilledAt ?? order.CanceledAt ?? order.SubmittedAt),
        ["submitted_at"] = T(order.SubmittedAt),
        ["filled_at"] = order.FilledAt is { } filled ? T(filled) : null,
        ["expired_at"] = null,
        ["canceled_at"] = order.CanceledAt is { } canceled ? T(canceled) : null,
        ["failed_at"] = null,
        ["asset_id"] = "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415",
        ["symbol"] = order.Symbol,
        ["asset_class"] = "us_equity",
        ["notional"] = null,
        ["qty"] = S(order.Qty),
        ["filled_qty"] = S(order.FilledQty),
        ["filled_avg_price"] = order.FilledAvgPrice is { } price ? S(price) : null,
        ["order_class"] = string.Empty,
        ["order_type"] = order.Type,
        ["type"] = order.Type,
        ["side"] = order.Side,
        ["time_in_force"] = order.TimeInForce,
        ["limit_price"] = order.LimitPrice is { } limit ? S(limit) : null,
        ["stop_price"] = null,
        ["status"] = order.Status,
        ["extended_hours"] = false,
        ["legs"] = null,
    };

    private static (int, object?) Error(int status, string message) =>
        (status, new Dictionary<string, object> { ["code"] = (status * 100_000) + 1, ["message"] = message });

    private static string S(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string T(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
