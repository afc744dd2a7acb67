using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Infrastructure.Brokers.Alpaca;
using RiskPlatform.Infrastructure.Brokers.Paper;

namespace RiskPlatform.Infrastructure.Brokers;

/// <summary>
/// The <see cref="IBrokerGateway"/> the application sees: each call goes to the broker the user's binding names — the paper broker
/// (also for users who never chose) or <see cref="AlpacaBrokerGateway"/> for a bound Alpaca key.
/// </summary>
internal sealed class RoutingBrokerGateway(BrokerBindingResolver resolver, PaperBrokerGateway paper, AlpacaBrokerGateway alpaca) : IBrokerGateway
{
    public async Task<BrokerAccount> GetAccountAsync(Guid userId, CancellationToken cancellationToken) =>
        await (await PickAsync(userId, cancellationToken)).GetAccountAsync(userId, cancellationToken);

    public async Task<bool> IsExternalAsync(Guid userId, CancellationToken cancellationToken) =>
        await (await PickAsync(userId, cancellationToken)).IsExternalAsync(userId, cancellationToken);

    public async Task<BrokerOrder?> FindOrderByClientOrderIdAsync(Guid userId, string clientOrderId, CancellationToken cancellationToken) =>
        await (await PickAsync(userId, cancellationToken)).FindOrderByClientOrderIdAsync(userId, clientOrderId, cancellationToken);

    public async Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(Guid userId, CancellationToken cancellationToken) =>
        await (await PickAsync(userId, cancellationToken)).GetPositionsAsync(userId, cancellationToken);

    public async Task<IReadOnlyList<BrokerOrder>> GetOpenOrdersAsync(Guid userId, CancellationToken cancellationToken) =>
        await (await PickAsync(userId, cancellationToken)).GetOpenOrdersAsync(userId, cancellationToken);

    public async Task<BrokerOrder?> GetOrderAsync(Guid userId, string brokerOrderId, CancellationToken cancellationToken) =>
        await (await PickAsync(userId, cancellationToken)).GetOrderAsync(userId, brokerOrderId, cancellationToken);

    public async Task<BrokerQuote?> GetQuoteAsync(Guid userId, string symbol, CancellationToken cancellationToken) =>
        await (await PickAsync(userId, cancellationToken)).GetQuoteAsync(userId, symbol, cancellationToken);

    public async Task<BrokerOrder> SubmitOrderAsync(Guid userId, BrokerOrderRequest request, CancellationToken cancellationToken) =>
        await (await PickAsync(userId, cancellationToken)).SubmitOrderAsync(userId, request, cancellationToken);

    public async Task<BrokerOrder> CancelOrderAsync(Guid userId, string brokerOrderId, CancellationToken cancellationToken) =>
        await (await PickAsync(userId, cancellationToken)).CancelOrderAsync(userId, brokerOrderId, cancellationToken);

    public async Task<BrokerOrder> ClosePositionAsync(Guid userId, string symbol, CancellationToken cancellationToken) =>
        await (await PickAsync(userId, cancellationToken)).ClosePositionAsync(userId, symbol, cancellationToken);

    public async Task<IReadOnlyList<BrokerPositionClose>> CloseAllPositionsAsync(Guid userId, CancellationToken cancellationToken) =>
        await (await PickAsync(userId, cancellationToken)).CloseAllPositionsAsync(userId, cancellationToken);

    private async Task<IBrokerGateway> PickAsync(Guid userId, CancellationToken cancellationToken) =>
        (await resolver.ResolveAsync(userId, cancellationToken)).IsPaper ? paper : alpaca;
}
