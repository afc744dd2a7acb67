using System.Diagnostics;
using RiskPlatform.Application.Common.Brokers;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Telemetry;
using RiskPlatform.Domain.Common;
using RiskPlatform.Infrastructure.Brokers.Alpaca;
using RiskPlatform.Infrastructure.Brokers.Paper;

namespace RiskPlatform.Infrastructure.Brokers;

/// <summary>
/// The <see cref="IBrokerGateway"/> the application sees: each call goes to the broker the user's binding names — the paper broker
/// (also for users who never chose) or <see cref="AlpacaBrokerGateway"/> for a bound Alpaca key. Each call is one span
/// (<c>broker submit_order</c>, with the broker and operation) and one count of <c>riskplatform.broker.calls</c> by broker,
/// operation and outcome; the arguments (ids, symbols, quantities) are never tagged.
/// </summary>
internal sealed class RoutingBrokerGateway(
    BrokerBindingResolver resolver, PaperBrokerGateway paper, AlpacaBrokerGateway alpaca, IRiskMetrics metrics) : IBrokerGateway
{
    public Task<BrokerAccount> GetAccountAsync(Guid userId, CancellationToken cancellationToken) =>
        CallAsync(userId, "get_account", gateway => gateway.GetAccountAsync(userId, cancellationToken), cancellationToken);

    public async Task<bool> IsExternalAsync(Guid userId, CancellationToken cancellationToken) =>
        await (await PickAsync(userId, cancellationToken)).IsExternalAsync(userId, cancellationToken);

    public Task<BrokerOrder?> FindOrderByClientOrderIdAsync(Guid userId, string clientOrderId, CancellationToken cancellationToken) =>
        CallAsync(userId, "find_order", gateway => gateway.FindOrderByClientOrderIdAsync(userId, clientOrderId, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(Guid userId, CancellationToken cancellationToken) =>
        CallAsync(userId, "get_positions", gateway => gateway.GetPositionsAsync(userId, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<BrokerOrder>> GetOpenOrdersAsync(Guid userId, CancellationToken cancellationToken) =>
        CallAsync(userId, "get_open_orders", gateway => gateway.GetOpenOrdersAsync(userId, cancellationToken), cancellationToken);

    public Task<BrokerOrder?> GetOrderAsync(Guid userId, string brokerOrderId, CancellationToken cancellationToken) =>
        CallAsync(userId, "get_order", gateway => gateway.GetOrderAsync(userId, brokerOrderId, cancellationToken), cancellationToken);

    public Task<BrokerQuote?> GetQuoteAsync(Guid userId, string symbol, CancellationToken cancellationToken) =>
        CallAsync(userId, "get_quote", gateway => gateway.GetQuoteAsync(userId, symbol, cancellationToken), cancellationToken);

    public Task<BrokerOrder> SubmitOrderAsync(Guid userId, BrokerOrderRequest request, CancellationToken cancellationToken) =>
        CallAsync(userId, "submit_order", gateway => gateway.SubmitOrderAsync(userId, request, cancellationToken), cancellationToken);

    public Task<BrokerOrder> CancelOrderAsync(Guid userId, string brokerOrderId, CancellationToken cancellationToken) =>
        CallAsync(userId, "cancel_order", gateway => gateway.CancelOrderAsync(userId, brokerOrderId, cancellationToken), cancellationToken);

    public Task<BrokerOrder> ClosePositionAsync(Guid userId, string symbol, CancellationToken cancellationToken) =>
        CallAsync(userId, "close_position", gateway => gateway.ClosePositionAsync(userId, symbol, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<BrokerPositionClose>> CloseAllPositionsAsync(Guid userId, CancellationToken cancellationToken) =>
        CallAsync(userId, "close_all_positions", gateway => gateway.CloseAllPositionsAsync(userId, cancellationToken), cancellationToken);

    private async Task<T> CallAsync<T>(Guid userId, string operation, Func<IBrokerGateway, Task<T>> call, CancellationToken cancellationToken)
    {
        var gateway = await PickAsync(userId, cancellationToken);
        var broker = gateway == paper ? "paper" : "alpaca";
        using var activity = RiskPlatformTelemetry.ActivitySource.StartActivity($"broker {operation}", ActivityKind.Client);
        activity?.SetTag("riskplatform.broker", broker);
        activity?.SetTag("riskplatform.broker.operation", operation);
        try
        {
            var result = await call(gateway);
            metrics.BrokerCalled(broker, operation, "ok");
            return result;
        }
        catch (Exception exception)
        {
            var outcome = Outcome(exception);
            metrics.BrokerCalled(broker, operation, outcome);
            activity?.SetStatus(ActivityStatusCode.Error);
            activity?.SetTag("error.type", exception.GetType().Name);
            activity?.SetTag("riskplatform.broker.outcome", outcome);
            throw;
        }
    }

    /// <summary>How a failed call ended, in a few fixed words (never the exception's message, which may quote the broker).</summary>
    private static string Outcome(Exception exception) => exception switch
    {
        ServiceUnavailableException => "unavailable",
        RefusedException => "refused",
        NotFoundException => "not_found",
        ConflictException => "conflict",
        OperationCanceledException => "cancelled",
        _ => "error",
    };

    private async Task<IBrokerGateway> PickAsync(Guid userId, CancellationToken cancellationToken) =>
        (await resolver.ResolveAsync(userId, cancellationToken)).IsPaper ? paper : alpaca;
}
