using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Commands.MirrorBrokerOrderUpdate;

/// <summary>
/// Internal (sent by the broker's trade-update stream, never by an endpoint): one update the broker pushed about an order of
/// the account — its status, cumulative filled quantity and average fill price after the event named <paramref name="Event"/>
/// (e.g. Alpaca's <c>fill</c>). It runs on the account's actor, so it never interleaves with the account's orders or monitor.
/// Returns what the order did with it, or null when the account has no such order (one placed outside RiskPlatform).
/// </summary>
public sealed record MirrorBrokerOrderUpdateCommand(
    Guid UserId,
    string Event,
    string BrokerOrderId,
    string? ClientOrderId,
    OrderStatus Status,
    decimal FilledQuantity,
    decimal? AverageFillPrice) : IAccountCommand<BrokerUpdateOutcome?>, IServiceAccountRequest
{
    public const int EventMaxLength = 32;

    Guid IServiceAccountRequest.AccountUserId => UserId;
}
