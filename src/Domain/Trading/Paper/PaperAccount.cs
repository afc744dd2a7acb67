using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.Trading.Paper.Events;

namespace RiskPlatform.Domain.Trading.Paper;

/// <summary>
/// A user's paper-trading account (one per user, opened on first use) and its built-in broker: orders fill against
/// <see cref="MarketQuote"/>s, positions may be long or short, and cash moves by the notional of every fill
/// (buy: Cash −= qty × price; sell: Cash += qty × price). Amounts are USD decimals; nothing is rounded except the average
/// entry price (see <see cref="PaperPosition.AverageEntryPrice"/>). The account never reads the clock: every behaviour
/// method takes the current UTC time from the caller.
/// </summary>
/// <remarks>
/// Valuation uses mark prices keyed by upper-case symbol (as in <see cref="MarketQuote.Symbol"/>), normally
/// <see cref="MarketQuote.MarkPrice"/> (last, or mid without a last). A position whose symbol has no mark price is valued at its
/// average entry price (unrealized P&amp;L 0). Orders are not checked against buying power here: limits such as maximum leverage
/// belong to the risk rules that run before an order is placed.
/// </remarks>
public sealed class PaperAccount : AggregateRoot, IAuditedEntity, IConcurrencyAware
{
    public const decimal DefaultStartingCash = 100_000m;

    private List<PaperPosition> _positions = [];
    private List<PaperOrder> _orders = [];

    private PaperAccount()
    {
    }

    public Guid UserId { get; private set; }

    public decimal StartingCash { get; private set; }

    public decimal Cash { get; private set; }

    /// <summary>Running total of P&amp;L realized by every closing fill since the account was opened.</summary>
    public decimal RealizedPnl { get; private set; }

    /// <summary>
    /// Equity at the start of <see cref="TradingDay"/>, the base of max_daily_loss: the starting cash on the day the account was
    /// opened, then the equity seen at the first <see cref="Mark"/> of each later UTC day (see docs/decisions/007-pre-trade-path.md).
    /// </summary>
    public decimal DayStartEquity { get; private set; }

    /// <summary>The UTC date (midnight) that <see cref="DayStartEquity"/> belongs to.</summary>
    public DateTime TradingDay { get; private set; }

    /// <summary>Highest equity seen at a <see cref="Mark"/> (starting cash at first), the base of max_drawdown.</summary>
    public decimal EquityHighWaterMark { get; private set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; }

    /// <summary>Open positions (non-zero quantity), one per symbol.</summary>
    public IReadOnlyCollection<PaperPosition> Positions => _positions.AsReadOnly();

    /// <summary>
    /// The account's orders held in memory, in placement order: every order placed on this instance, and, for an account loaded
    /// from the database, its open orders plus any historical order the caller loaded on purpose (persistence leaves filled,
    /// cancelled, rejected and expired orders out, see PaperAccountForUserSpec). Every behaviour here reads only open orders,
    /// or looks up one order the caller made sure is loaded.
    /// </summary>
    public IReadOnlyCollection<PaperOrder> Orders => _orders.AsReadOnly();

    /// <summary>Orders that can still fill (status New or PartiallyFilled), in placement order.</summary>
    public IReadOnlyList<PaperOrder> OpenOrders => [.. _orders.Where(o => o.IsOpen)];

    /// <summary>
    /// A detached copy of the account as the database would load it (PaperAccountForUserSpec): its positions and its open orders,
    /// each a copy too, and no domain events. The account's actor keeps such a copy between commands and gives each command a
    /// copy of it to change, so that the one it shares with reads is never changed.
    /// </summary>
    public PaperAccount Copy()
    {
        var copy = CopyWithoutEvents<PaperAccount>();
        copy._positions = _positions.ConvertAll(p => p.Copy());
        copy._orders = [.. _orders.Where(o => o.IsOpen).Select(o => o.Copy())];
        return copy;
    }

    /// <summary>Opens the account with <paramref name="startingCash"/> USD (default 100,000) of cash and nothing else.</summary>
    /// <exception cref="DomainException"><see cref="PaperTradingErrors.InvalidUser"/> or <see cref="PaperTradingErrors.InvalidStartingCash"/>
    /// (starting cash must be positive with at most 8 decimal places).</exception>
    public static PaperAccount Open(Guid userId, DateTime now, decimal startingCash = DefaultStartingCash)
    {
        if (userId == Guid.Empty)
        {
            throw new DomainException(PaperTradingErrors.InvalidUser, "A paper account needs a user.");
        }

        if (startingCash <= 0m || !MarketPrecision.HasAllowedScale(startingCash))
        {
            throw new DomainException(
                PaperTradingErrors.InvalidStartingCash,
                $"Starting cash must be positive with at most {MarketPrecision.MaxDecimals} decimal places, got {startingCash}.");
        }

        return new PaperAccount
        {
            UserId = userId,
            StartingCash = startingCash,
            Cash = startingCash,
            DayStartEquity = startingCash,
            TradingDay = now.Date,
            EquityHighWaterMark = startingCash,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// Records the account's <paramref name="equity"/> as seen at <paramref name="now"/>: the first mark of a new UTC day rolls
    /// <see cref="DayStartEquity"/> forward to it, and every mark raises <see cref="EquityHighWaterMark"/> when it is higher.
    /// The broker marks the account before each order it places or cancels.
    /// </summary>
    public void Mark(decimal equity, DateTime now)
    {
        if (now.Date > TradingDay)
        {
            DayStartEquity = equity;
            TradingDay = now.Date;
        }

        EquityHighWaterMark = Math.Max(EquityHighWaterMark, equity);
    }

    /// <summary>The day-start equity a <see cref="Mark"/> at <paramref name="now"/> would leave, without changing the account.</summary>
    public decimal DayStartEquityAt(decimal equity, DateTime now) => now.Date > TradingDay ? equity : DayStartEquity;

    /// <summary>The high-water mark a <see cref="Mark"/> of <paramref name="equity"/> would leave, without changing the account.</summary>
    public decimal EquityHighWaterMarkAt(decimal equity) => Math.Max(EquityHighWaterMark, equity);

    public PaperPosition? FindPosition(string symbol)
    {
        var normalized = TradingSymbol.Normalize(symbol);
        return _positions.Find(p => p.Symbol == normalized);
    }

    public PaperOrder? FindOrder(Guid orderId) => _orders.Find(o => o.Id == orderId);

    /// <summary>
    /// Places an order and, when possible, fills it at once against <paramref name="quote"/> (the current quote for the symbol,
    /// or null when there is none). A market order fills at the ask (buy) or bid (sell), or is returned
    /// <see cref="OrderStatus.Rejected"/> when there is no quote. A limit order fills at the quote's ask/bid when marketable
    /// (buy: limit ≥ ask; sell: limit ≤ bid), otherwise it rests as <see cref="OrderStatus.New"/> until
    /// <see cref="ApplyQuote"/> crosses it, it is cancelled, or (day orders) <see cref="ExpireDayOrders"/> runs.
    /// </summary>
    /// <remarks>
    /// Idempotent on <paramref name="clientOrderId"/>: placing again with a client order id already in the account returns the
    /// existing order unchanged (no events) when the terms are the same, and throws <see cref="ConflictException"/>
    /// <see cref="PaperTradingErrors.ClientOrderIdReused"/> when they differ. Only loaded orders are checked: the caller loads
    /// the order with that client order id first, and persistence also holds a unique index on (account, client order id).
    /// </remarks>
    /// <param name="quantity">Positive, whole or fractional, at most 8 decimal places.</param>
    /// <param name="limitPrice">Required (positive, at most 8 decimal places) for limit orders; must be null for market orders.</param>
    /// <param name="clientOrderId">Optional; trimmed, blank means none, at most <see cref="PaperOrder.ClientOrderIdMaxLength"/> characters.</param>
    /// <exception cref="DomainException">Invalid input (codes in <see cref="PaperTradingErrors"/> and <see cref="MarketDataErrors.InvalidSymbol"/>).</exception>
    public PaperOrder PlaceOrder(
        string symbol,
        OrderSide side,
        decimal quantity,
        OrderType type,
        decimal? limitPrice,
        TimeInForce timeInForce,
        string? clientOrderId,
        MarketQuote? quote,
        DateTime now)
    {
        var normalizedSymbol = TradingSymbol.Normalize(symbol);
        ValidateOrder(side, quantity, type, limitPrice, timeInForce);
        var normalizedClientOrderId = NormalizeClientOrderId(clientOrderId);
        if (quote is not null && quote.Symbol != normalizedSymbol)
        {
            throw new DomainException(
                PaperTradingErrors.QuoteSymbolMismatch,
                $"A quote for {quote.Symbol} cannot price an order for {normalizedSymbol}.");
        }

        if (normalizedClientOrderId is not null
            && _orders.Find(o => o.ClientOrderId == normalizedClientOrderId) is { } existing)
        {
            return existing.HasSameTerms(normalizedSymbol, side, type, timeInForce, quantity, limitPrice)
                ? existing
                : throw new ConflictException(
                    PaperTradingErrors.ClientOrderIdReused,
                    $"Client order id '{normalizedClientOrderId}' was already used for order {existing.Id} with different terms.");
        }

        var order = PaperOrder.Create(Id, normalizedClientOrderId, normalizedSymbol, side, type, timeInForce, quantity, limitPrice, now);
        _orders.Add(order);
        UpdatedAt = now;

        if (quote is null)
        {
            if (type == OrderType.Market)
            {
                var reason = $"No market quote is available for {normalizedSymbol}; a market order needs one to fill.";
                order.Reject(reason);
                Raise(new OrderRejected(UserId, order.Id, order.Symbol, order.Side, order.Quantity, reason, now));
            }

            return order;
        }

        if (order.FillPriceAgainst(quote) is { } price)
        {
            Fill(order, price, now, onPlacement: true);
        }

        return order;
    }

    /// <summary>Fills, in placement order, every open order in the quote's symbol that the quote makes marketable.</summary>
    /// <returns>The orders filled (empty when none).</returns>
    public IReadOnlyList<PaperOrder> ApplyQuote(MarketQuote quote, DateTime now)
    {
        var filled = new List<PaperOrder>();
        foreach (var order in _orders.Where(o => o.IsOpen && o.Symbol == quote.Symbol).ToList())
        {
            if (order.FillPriceAgainst(quote) is { } price)
            {
                Fill(order, price, now);
                filled.Add(order);
            }
        }

        return filled;
    }

    /// <summary>Cancels an open order.</summary>
    /// <exception cref="DomainException"><see cref="PaperTradingErrors.OrderNotFound"/> when the account has no such order.</exception>
    /// <exception cref="ConflictException"><see cref="PaperTradingErrors.OrderNotOpen"/> when it is filled, cancelled, rejected or expired.</exception>
    public PaperOrder CancelOrder(Guid orderId, DateTime now)
    {
        var order = FindOrder(orderId)
            ?? throw new DomainException(PaperTradingErrors.OrderNotFound, $"Paper order {orderId} was not found.");
        if (!order.IsOpen)
        {
            throw new ConflictException(
                PaperTradingErrors.OrderNotOpen,
                $"Paper order {orderId} is {order.Status} and can no longer be cancelled.");
        }

        var remaining = order.RemainingQuantity;
        order.Cancel(now);
        UpdatedAt = now;
        Raise(new OrderCancelled(UserId, order.Id, order.Symbol, order.Side, remaining, now));
        return order;
    }

    /// <summary>
    /// Expires the open <see cref="TimeInForce.Day"/> orders placed before <paramref name="endOfDay"/>, the end of the trading
    /// day that the caller computes (orders placed at or after it belong to the next day and stay open).
    /// </summary>
    /// <returns>The orders expired (empty when none).</returns>
    public IReadOnlyList<PaperOrder> ExpireDayOrders(DateTime endOfDay)
    {
        var expired = _orders.Where(o => o.IsOpen && o.TimeInForce == TimeInForce.Day && o.CreatedAt < endOfDay).ToList();
        foreach (var order in expired)
        {
            var remaining = order.RemainingQuantity;
            order.Expire(endOfDay);
            Raise(new OrderExpired(UserId, order.Id, order.Symbol, order.Side, remaining, endOfDay));
        }

        if (expired.Count > 0)
        {
            UpdatedAt = endOfDay;
        }

        return expired;
    }

    /// <summary>Σ |qty × mark| over open positions.</summary>
    public decimal GrossExposure(IReadOnlyDictionary<string, decimal> markPrices) =>
        _positions.Sum(p => Math.Abs(p.MarketValue(MarkFor(p, markPrices).Price)));

    /// <summary>Σ qty × mark over open positions (shorts count negative).</summary>
    public decimal NetExposure(IReadOnlyDictionary<string, decimal> markPrices) =>
        _positions.Sum(p => p.MarketValue(MarkFor(p, markPrices).Price));

    /// <summary>Cash + Σ qty × mark: short positions have negative quantity, so they subtract.</summary>
    public decimal Equity(IReadOnlyDictionary<string, decimal> markPrices) => Cash + NetExposure(markPrices);

    /// <summary>Σ (mark − average entry) × qty over open positions.</summary>
    public decimal UnrealizedPnl(IReadOnlyDictionary<string, decimal> markPrices) =>
        _positions.Sum(p => p.UnrealizedPnl(MarkFor(p, markPrices).Price));

    /// <summary>
    /// Buying power of this cash account without margin (1× leverage): max(0, Equity − GrossExposure).
    /// With only longs it equals the cash; a short uses buying power equal to its market value (its sale proceeds are held
    /// against buying it back), so shorting 1,000 USD of stock lowers buying power by 1,000 USD.
    /// </summary>
    public decimal BuyingPower(IReadOnlyDictionary<string, decimal> markPrices) =>
        Math.Max(0m, Equity(markPrices) - GrossExposure(markPrices));

    /// <summary>Values the account and each open position at <paramref name="markPrices"/> in one pass.</summary>
    public PaperAccountSnapshot Snapshot(IReadOnlyDictionary<string, decimal> markPrices)
    {
        var positions = _positions
            .OrderBy(p => p.Symbol, StringComparer.Ordinal)
            .Select(p =>
            {
                var (mark, isFallback) = MarkFor(p, markPrices);
                return new PaperPositionSnapshot(
                    p.Id,
                    p.Symbol,
                    p.Quantity,
                    p.AverageEntryPrice,
                    mark,
                    isFallback,
                    p.CostBasis,
                    p.MarketValue(mark),
                    p.UnrealizedPnl(mark),
                    p.RealizedPnl,
                    p.OpenedAt);
            })
            .ToList();

        var longValue = positions.Where(p => p.Quantity > 0m).Sum(p => p.MarketValue);
        var shortValue = positions.Where(p => p.Quantity < 0m).Sum(p => p.MarketValue);
        var gross = longValue - shortValue;
        var net = longValue + shortValue;
        var equity = Cash + net;
        return new PaperAccountSnapshot(
            Id,
            UserId,
            StartingCash,
            Cash,
            equity,
            longValue,
            shortValue,
            gross,
            net,
            positions.Sum(p => p.UnrealizedPnl),
            RealizedPnl,
            Math.Max(0m, equity - gross),
            _orders.Count(o => o.IsOpen),
            positions);
    }

    private static (decimal Price, bool IsFallback) MarkFor(PaperPosition position, IReadOnlyDictionary<string, decimal> markPrices) =>
        markPrices.TryGetValue(position.Symbol, out var mark) ? (mark, false) : (position.AverageEntryPrice, true);

    private static void ValidateOrder(OrderSide side, decimal quantity, OrderType type, decimal? limitPrice, TimeInForce timeInForce)
    {
        if (!Enum.IsDefined(side))
        {
            throw new DomainException(PaperTradingErrors.InvalidSide, $"Order side {side} is not supported.");
        }

        if (!Enum.IsDefined(type))
        {
            throw new DomainException(PaperTradingErrors.InvalidType, $"Order type {type} is not supported.");
        }

        if (!Enum.IsDefined(timeInForce))
        {
            throw new DomainException(PaperTradingErrors.InvalidTimeInForce, $"Time in force {timeInForce} is not supported.");
        }

        if (quantity <= 0m || !MarketPrecision.HasAllowedScale(quantity))
        {
            throw new DomainException(
                PaperTradingErrors.InvalidQuantity,
                $"Quantity must be positive with at most {MarketPrecision.MaxDecimals} decimal places, got {quantity}.");
        }

        switch (type)
        {
            case OrderType.Market when limitPrice is not null:
                throw new DomainException(PaperTradingErrors.LimitPriceNotAllowed, "A market order cannot have a limit price.");
            case OrderType.Limit when limitPrice is null:
                throw new DomainException(PaperTradingErrors.LimitPriceRequired, "A limit order needs a limit price.");
            case OrderType.Limit when limitPrice <= 0m || !MarketPrecision.HasAllowedScale(limitPrice.Value):
                throw new DomainException(
                    PaperTradingErrors.InvalidLimitPrice,
                    $"Limit price must be positive with at most {MarketPrecision.MaxDecimals} decimal places, got {limitPrice}.");
            default:
                break;
        }
    }

    private static string? NormalizeClientOrderId(string? clientOrderId)
    {
        var trimmed = clientOrderId?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= PaperOrder.ClientOrderIdMaxLength
            ? trimmed
            : throw new DomainException(
                PaperTradingErrors.InvalidClientOrderId,
                $"Client order id must be at most {PaperOrder.ClientOrderIdMaxLength} characters.");
    }

    /// <summary>
    /// Fills <paramref name="order"/> in full at <paramref name="price"/>: moves cash by the notional, then updates the position,
    /// crossing through zero when the fill is larger than the opposite position (the old side closes, the rest opens at the fill price).
    /// Events, in order: OrderFilled, then PositionClosed and/or PositionOpened.
    /// </summary>
    private void Fill(PaperOrder order, decimal price, DateTime now, bool onPlacement = false)
    {
        var quantity = order.RemainingQuantity;
        var signedQuantity = order.Side == OrderSide.Buy ? quantity : -quantity;
        order.Fill(price, now);
        Cash -= signedQuantity * price;
        UpdatedAt = now;
        Raise(new OrderFilled(UserId, order.Id, order.Symbol, order.Side, quantity, price, now) { OnPlacement = onPlacement });

        var position = _positions.Find(p => p.Symbol == order.Symbol);
        if (position is not null && Math.Sign(position.Quantity) == Math.Sign(signedQuantity))
        {
            position.Increase(signedQuantity, price, now);
            return;
        }

        var openedQuantity = signedQuantity;
        if (position is not null)
        {
            var heldQuantity = position.Quantity;
            var closedQuantity = Math.Min(quantity, Math.Abs(heldQuantity));
            RealizedPnl += position.Reduce(closedQuantity, price, now);
            if (position.Quantity == 0m)
            {
                _positions.Remove(position);
                Raise(new PositionClosed(
                    UserId, position.Id, position.Symbol, heldQuantity, position.AverageEntryPrice, price, position.RealizedPnl, now));
            }

            // Whatever the fill did not need to close opens a position on the other side (long 10, sell 25: short 15).
            openedQuantity = quantity > Math.Abs(heldQuantity) ? signedQuantity + heldQuantity : 0m;
        }

        if (openedQuantity != 0m)
        {
            var opened = PaperPosition.Open(Id, order.Symbol, openedQuantity, price, now);
            _positions.Add(opened);
            Raise(new PositionOpened(UserId, opened.Id, opened.Symbol, opened.Quantity, opened.AverageEntryPrice, now));
        }
    }
}
