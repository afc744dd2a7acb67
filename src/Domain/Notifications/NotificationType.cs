using RiskPlatform.Domain.Trading.Paper.Events;

namespace RiskPlatform.Domain.Notifications;

/// <summary>What a notification is about. Wire values are snake_case (<c>OrderFilled</c> ↔ <c>"order_filled"</c>).</summary>
public enum NotificationType
{
    OrderFilled,
    OrderCancelled,
    OrderRejected,
    PositionOpened,
    PositionClosed,
    StrategySignal,
    StrategyError,
    RiskBreach,
    DailySummary,
    SystemAlert,
    ProfitTarget,
    StopLoss,
    ApiKeyExpiring,
    ApiKeyFailed,
    TradingHalted,
    SecurityAlert,
}
