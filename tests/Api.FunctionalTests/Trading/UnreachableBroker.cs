using RiskPlatform.Application.Common.Brokers;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Api.FunctionalTests.Trading;

/// <summary>A broker that cannot be reached: every call fails as a real adapter must, with the reason.</summary>
internal sealed class UnreachableBroker : IBrokerGateway
{
    public const string Reason = "The broker did not answer within 5 seconds.";

    public Task<BrokerAccount> GetAccountAsync(Guid userId, CancellationToken cancellationToken) => throw Unavailable();

    /// <summary>A broker across the network (which is why it can be unreachable).</summary>
    public Task<bool> IsExternalAsync(Guid userId, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<BrokerOrder?> FindOrderByClientOrderIdAsync(Guid userId, string clientOrderId, CancellationToken cancellationToken) =>
        throw Unavailable();

    public Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(Guid userId, CancellationToken cancellationToken) => throw Unavailable();

    public Task<IReadOnlyList<BrokerOrder>> GetOpenOrdersAsync(Guid userId, CancellationToken cancellationToken) => throw Unavailable();

    public Task<BrokerOrder?> GetOrderAsync(Guid userId, string brokerOrderId, CancellationToken cancellationToken) => throw Unavailable();

    public Task<BrokerQuote?> GetQuoteAsync(Guid userId, string symbol, CancellationToken cancellationToken) => throw Unavailable();

    public Task<BrokerOrder> SubmitOrderAsync(Guid userId, BrokerOrderRequest request, CancellationToken cancellationToken) => throw Unavailable();

    public Task<BrokerOrder> CancelOrderAsync(Guid userId, string brokerOrderId, CancellationToken cancellationToken) => throw Unavailable();

    public Task<BrokerOrder> ClosePositionAsync(Guid userId, string symbol, CancellationToken cancellationToken) => throw Unavailable();

    public Task<IReadOnlyList<BrokerPositionClose>> CloseAllPositionsAsync(Guid userId, CancellationToken cancellationToken) => throw Unavailable();

    private static ServiceUnavailableException Unavailable() => new("broker_unavailable", Reason);
}
