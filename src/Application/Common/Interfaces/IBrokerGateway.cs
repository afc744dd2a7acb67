using RiskPlatform.Application.Common.Brokers;

namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// The port to the broker that holds a user's account (the built-in paper broker today; real brokers behind the same port later).
/// Every call is per user. Amounts are USD decimals; symbols are upper-case. A broker that cannot be reached throws
/// <see cref="Exceptions.ServiceUnavailableException"/> with the reason: an implementation never reports zeros or empty lists
/// in place of data it could not get, because the risk check would then judge an empty account.
/// </summary>
public interface IBrokerGateway
{
    Task<BrokerAccount> GetAccountAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// True when the user's orders go to a broker outside this service (Alpaca: a network call that can be slow, fail or lose its
    /// answer), which is never called inside a database transaction; false for the built-in paper broker, whose orders are rows
    /// of this database written in the command's own transaction.
    /// </summary>
    Task<bool> IsExternalAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The broker's order placed with <paramref name="clientOrderId"/>, or null when the broker has none.</summary>
    Task<BrokerOrder?> FindOrderByClientOrderIdAsync(Guid userId, string clientOrderId, CancellationToken cancellationToken);

    /// <summary>Open positions (non-zero signed quantity), valued at the broker's current market price.</summary>
    Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Orders that can still fill (new or partially filled).</summary>
    Task<IReadOnlyList<BrokerOrder>> GetOpenOrdersAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The broker's order with this id, or null when the user has none.</summary>
    Task<BrokerOrder?> GetOrderAsync(Guid userId, string brokerOrderId, CancellationToken cancellationToken);

    /// <summary>The latest quote for <paramref name="symbol"/> as this user's broker sees it, or null when there is none.</summary>
    Task<BrokerQuote?> GetQuoteAsync(Guid userId, string symbol, CancellationToken cancellationToken);

    /// <summary>
    /// Submits an order. Idempotent on <see cref="BrokerOrderRequest.ClientOrderId"/>: submitting the same id again returns the
    /// broker's existing order. The returned order carries the broker's status right after submission (a marketable order may
    /// already be filled).
    /// </summary>
    Task<BrokerOrder> SubmitOrderAsync(Guid userId, BrokerOrderRequest request, CancellationToken cancellationToken);

    /// <summary>Cancels an open order and returns it; throws <see cref="Domain.Common.ConflictException"/> when it can no longer be cancelled.</summary>
    Task<BrokerOrder> CancelOrderAsync(Guid userId, string brokerOrderId, CancellationToken cancellationToken);

    /// <summary>
    /// Closes (liquidates) the whole position in <paramref name="symbol"/> with a market order on the opposite side and returns that
    /// order; throws <see cref="Exceptions.NotFoundException"/> when there is no position. The order is the broker's own: it does
    /// not pass the pre-trade risk check (it only removes exposure).
    /// </summary>
    Task<BrokerOrder> ClosePositionAsync(Guid userId, string symbol, CancellationToken cancellationToken);

    /// <summary>
    /// Cancels every open order, then closes every position (the flattening a close_all rule asks for). One result per position:
    /// its closing order, or why the broker did not close it.
    /// </summary>
    Task<IReadOnlyList<BrokerPositionClose>> CloseAllPositionsAsync(Guid userId, CancellationToken cancellationToken);
}
