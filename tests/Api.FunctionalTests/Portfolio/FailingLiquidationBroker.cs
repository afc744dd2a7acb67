using RiskPlatform.Application.Common.Brokers;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Portfolio.Monitoring;

namespace RiskPlatform.Api.FunctionalTests.Portfolio;

/// <summary>The real broker, except that the monitor's liquidations fail while <see cref="Failures"/> is above zero (a broker outage).</summary>
internal sealed class FailingLiquidationBroker(IBrokerGateway inner, FailingLiquidationBroker.Budget failures) : IBrokerGateway
{
    public const string Reason = "The broker is down for the test.";

    public Budget Failures => failures;

    public Task<BrokerAccount> GetAccountAsync(Guid userId, CancellationToken cancellationToken) => inner.GetAccountAsync(userId, cancellationToken);

    public Task<bool> IsExternalAsync(Guid userId, CancellationToken cancellationToken) => inner.IsExternalAsync(userId, cancellationToken);

    public Task<BrokerOrder?> FindOrderByClientOrderIdAsync(Guid userId, string clientOrderId, CancellationToken cancellationToken) =>
        inner.FindOrderByClientOrderIdAsync(userId, clientOrderId, cancellationToken);

    public Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(Guid userId, CancellationToken cancellationToken) =>
        inner.GetPositionsAsync(userId, cancellationToken);

    public Task<IReadOnlyList<BrokerOrder>> GetOpenOrdersAsync(Guid userId, CancellationToken cancellationToken) =>
        inner.GetOpenOrdersAsync(userId, cancellationToken);

    public Task<BrokerOrder?> GetOrderAsync(Guid userId, string brokerOrderId, CancellationToken cancellationToken) =>
        inner.GetOrderAsync(userId, brokerOrderId, cancellationToken);

    public Task<BrokerQuote?> GetQuoteAsync(Guid userId, string symbol, CancellationToken cancellationToken) =>
        inner.GetQuoteAsync(userId, symbol, cancellationToken);

    public Task<BrokerOrder> SubmitOrderAsync(Guid userId, BrokerOrderRequest request, CancellationToken cancellationToken) =>
        request.ClientOrderId.StartsWith(BreachEpisode.ClientOrderIdPrefix, StringComparison.Ordinal) && failures.TryTake()
            ? throw new ServiceUnavailableException("broker_unavailable", Reason)
            : inner.SubmitOrderAsync(userId, request, cancellationToken);

    public Task<BrokerOrder> CancelOrderAsync(Guid userId, string brokerOrderId, CancellationToken cancellationToken) =>
        inner.CancelOrderAsync(userId, brokerOrderId, cancellationToken);

    public Task<BrokerOrder> ClosePositionAsync(Guid userId, string symbol, CancellationToken cancellationToken) =>
        inner.ClosePositionAsync(userId, symbol, cancellationToken);

    public Task<IReadOnlyList<BrokerPositionClose>> CloseAllPositionsAsync(Guid userId, CancellationToken cancellationToken) =>
        inner.CloseAllPositionsAsync(userId, cancellationToken);

    /// <summary>How many more liquidation submissions fail (shared by every scope of one host).</summary>
    public sealed class Budget(int count)
    {
        private int _left = count;

        public bool TryTake() => Interlocked.Decrement(ref _left) >= 0;
    }
}
