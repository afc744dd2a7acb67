using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Trading.Commands.ReconcileBrokerOrders;

/// <summary>
/// Internal (sent when the broker's trade-update stream has (re)connected, never by an endpoint): reads the account's open
/// orders back from its external broker, so that fills and cancellations pushed while the stream was down are not lost.
/// Returns how many of them the broker reported finished (filled, cancelled, rejected, expired).
/// </summary>
public sealed record ReconcileBrokerOrdersCommand(Guid UserId) : IAccountCommand<int>, IServiceAccountRequest
{
    Guid IServiceAccountRequest.AccountUserId => UserId;
}
