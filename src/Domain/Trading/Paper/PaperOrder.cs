using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.MarketData;

namespace RiskPlatform.Domain.Trading.Paper;

/// <summary>
/// An order in a <see cref="PaperAccount"/> (child entity; change it only through the account). The paper broker fills an order
/// in full, in one fill, so <see cref="FilledQuantity"/> is either 0 or <see cref="Quantity"/>.
/// </summary>
public sealed class PaperOrder : Entity
{
    public const int ClientOrderIdMaxLength = 128;
    public const int RejectReasonMaxLength = 500;

    private PaperOrder()
    {
    }

    /// <summary>A field-by-field copy (every field is a value), for <see cref="PaperAccount.Copy"/>.</summary>
    internal PaperOrder Copy() => (PaperOrder)MemberwiseClone();

    public Guid PaperAccountId { get; private set; }

    /// <summary>The caller's idempotency key, unique per account when set.</summary>
    public string? ClientOrderId { get; private set; }

    public string Symbol { get; private set; } = string.Empty;

    public OrderSide Side { get; private set; }

    public OrderType Type { get; private set; }

    public TimeInForce TimeInForce { get; private set; }

    /// <summary>Positive, whole or fractional (at most <see cref="MarketPrecision.MaxDecimals"/> decimal places).</summary>
    public decimal Quantity { get; private set; }

    public decimal FilledQuantity { get; private set; }

    /// <summary>Set for <see cref="OrderType.Limit"/> orders only.</summary>
    public decimal? LimitPrice { get; private set; }

    public decimal? AverageFillPrice { get; private set; }

    public OrderStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? FilledAt { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    /// <summary>When a <see cref="TimeInForce.Day"/> order expired: the end-of-day boundary passed to <see cref="PaperAccount.ExpireDayOrders"/>.</summary>
    public DateTime? ExpiredAt { get; private set; }

    public string? RejectReason { get; private set; }

    public decimal RemainingQuantity => Quantity - FilledQuantity;

    /// <summary>New or partially filled: it can still fill, be cancelled or expire.</summary>
    public bool IsOpen => Status is OrderStatus.New or OrderStatus.PartiallyFilled;

    internal static PaperOrder Create(
        Guid paperAccountId,
        string? clientOrderId,
        string symbol,
        OrderSide side,
        OrderType type,
        TimeInForce timeInForce,
        decimal quantity,
        decimal? limitPrice,
        DateTime now) => new()
        {
            PaperAccountId = paperAccountId,
            ClientOrderId = clientOrderId,
            Symbol = symbol,
            Side = side,
            Type = type,
            TimeInForce = timeInForce,
            Quantity = quantity,
            LimitPrice = limitPrice,
            Status = OrderStatus.New,
            CreatedAt = now,
        };

    /// <summary>The price this order would fill at against <paramref name="quote"/>, or null when it is not marketable.</summary>
    internal decimal? FillPriceAgainst(MarketQuote quote)
    {
        var quotePrice = Side == OrderSide.Buy ? quote.Ask : quote.Bid;
        if (Type == OrderType.Market)
        {
            return quotePrice;
        }

        var marketable = Side == OrderSide.Buy ? LimitPrice >= quote.Ask : LimitPrice <= quote.Bid;
        return marketable ? quotePrice : null;
    }

    internal bool HasSameTerms(string symbol, OrderSide side, OrderType type, TimeInForce timeInForce, decimal quantity, decimal? limitPrice) =>
        Symbol == symbol && Side == side && Type == type && TimeInForce == timeInForce && Quantity == quantity && LimitPrice == limitPrice;

    internal void Fill(decimal price, DateTime now)
    {
        FilledQuantity = Quantity;
        AverageFillPrice = price;
        Status = OrderStatus.Filled;
        FilledAt = now;
    }

    internal void Cancel(DateTime now)
    {
        Status = OrderStatus.Cancelled;
        CancelledAt = now;
    }

    internal void Expire(DateTime at)
    {
        Status = OrderStatus.Expired;
        ExpiredAt = at;
    }

    internal void Reject(string reason)
    {
        Status = OrderStatus.Rejected;
        RejectReason = reason.Length <= RejectReasonMaxLength ? reason : reason[..RejectReasonMaxLength];
    }
}
