using System.Text.Json;
using Mapster;
using RiskPlatform.Application.Common.Serialization;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Common;

/// <summary>
/// An order on the wire. <c>requested_qty</c> is what the user asked for, <c>qty</c> what was sent to the broker (less when a
/// reduce_size rule bound: <c>binding_rule</c>); <c>alerts</c> lists the alert rules that fired.
/// </summary>
public sealed record OrderDto(
    Guid Id,
    string ClientOrderId,
    string Symbol,
    OrderSide Side,
    OrderType Type,
    TimeInForce TimeInForce,
    decimal RequestedQty,
    decimal Qty,
    decimal? LimitPrice,
    Guid? StrategyId,
    OrderStatus Status,
    string? BrokerOrderId,
    decimal FilledQty,
    decimal? AverageFillPrice,
    string? RejectReason,
    RiskDecisionOutcome Decision,
    BindingRuleDto? BindingRule,
    IReadOnlyList<RuleBreachDto> Alerts,
    DateTime SubmittedAt,
    DateTime? FilledAt,
    DateTime? CancelledAt,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    internal static JsonSerializerOptions AlertJson => WireJson.Options;

    public static OrderDto From(Order order) => new(
        order.Id,
        order.ClientOrderId,
        order.Symbol,
        order.Side,
        order.Type,
        order.TimeInForce,
        order.RequestedQuantity,
        order.Quantity,
        order.LimitPrice,
        order.StrategyId,
        order.Status,
        order.BrokerOrderId,
        order.FilledQuantity,
        order.AverageFillPrice,
        order.RejectReason,
        order.DecisionOutcome,
        order.BindingRuleId is { } ruleId && order.BindingRuleType is { } ruleType ? new BindingRuleDto(ruleId, ruleType) : null,
        ReadAlerts(order.Alerts),
        order.SubmittedAt,
        order.FilledAt,
        order.CancelledAt,
        order.CreatedAt,
        order.UpdatedAt);

    /// <summary>The compact JSON stored in <see cref="Order.Alerts"/> (null when there are none).</summary>
    internal static string? WriteAlerts(IReadOnlyList<RuleBreachDto> alerts) =>
        alerts.Count == 0 ? null : JsonSerializer.Serialize(alerts, AlertJson);

    private static List<RuleBreachDto> ReadAlerts(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<RuleBreachDto>>(json, AlertJson) ?? [];
}

internal sealed class OrderDtoMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<Order, OrderDto>().MapWith(order => OrderDto.From(order));
}
