using System.Net.WebSockets;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RiskPlatform.Application.Common.Brokers;
using RiskPlatform.Application.Common.Credentials;
using RiskPlatform.Application.Trading.Commands.MirrorBrokerOrderUpdate;
using RiskPlatform.Application.Trading.Commands.ReconcileBrokerOrders;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Infrastructure.Brokers.Alpaca.Streams;

/// <summary>
/// One bound Alpaca key's trade-update stream (connection, authentication and reconnects: <see cref="AlpacaStreamConnection"/>):
/// listen to <c>trade_updates</c>, reconcile the account's open orders over REST (whatever happened while no stream was open),
/// then mirror each update on the account's actor, one at a time in arrival order. A message that cannot be read, names an
/// order RiskPlatform does not hold, or is behind the order is logged and skipped; the connection stays.
/// </summary>
internal sealed partial class AlpacaTradeUpdatesConnection(
    AlpacaStreamBinding binding,
    Uri url,
    DecryptedCredentialAccess credentials,
    AlpacaOptions options,
    IServiceScopeFactory scopes,
    ILogger logger) : AlpacaStreamConnection(binding, url, credentials, options, logger)
{
    public const string TradeUpdatesStream = "trade_updates";

    private static ReadOnlySpan<byte> ListenMessage => """{"action":"listen","data":{"streams":["trade_updates"]}}"""u8;

    protected override string StreamName => "trade-update";

    protected override async Task HandshakeAsync(ClientWebSocket socket, CancellationToken handshakeToken)
    {
        await SendAuthenticationAsync(socket, handshakeToken);
        var authorization = await ReceiveUntilAsync(socket, AlpacaStreamMessageKind.Authorization, handshakeToken);
        if (!authorization.Authorized)
        {
            throw new AlpacaStreamRefusedException("Alpaca refused the key's credentials on the trade-update stream.");
        }

        await socket.SendAsync(ListenMessage.ToArray(), WebSocketMessageType.Text, endOfMessage: true, handshakeToken);
        var listening = await ReceiveUntilAsync(socket, AlpacaStreamMessageKind.Listening, handshakeToken);
        if (!listening.Streams.Contains(TradeUpdatesStream, StringComparer.Ordinal))
        {
            throw new AlpacaStreamRefusedException("Alpaca did not grant the trade_updates stream.");
        }
    }

    protected override async Task RunSessionAsync(ClientWebSocket socket, CancellationToken stoppingToken)
    {
        await ReconcileAsync(stoppingToken);
        await ConsumeAsync(socket, stoppingToken);
    }

    /// <summary>Reads until a message of <paramref name="kind"/> (skipping others); the server closing first is a failure.</summary>
    private async Task<AlpacaStreamMessage> ReceiveUntilAsync(ClientWebSocket socket, AlpacaStreamMessageKind kind, CancellationToken cancellationToken)
    {
        while (true)
        {
            var body = await ReceiveExpectedAsync(socket, kind.ToString(), cancellationToken);
            var message = AlpacaPayloads.ParseStreamMessage(body.Span);
            if (message.Kind == kind)
            {
                return message;
            }
        }
    }

    private async Task ConsumeAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        while (await ReceiveAsync(socket, cancellationToken) is { } body)
        {
            AlpacaStreamMessage message;
            try
            {
                message = AlpacaPayloads.ParseStreamMessage(body.Span);
            }
            catch (AlpacaPayloadException exception)
            {
                LogSkipped(Logger, Binding.UserId, exception.Message);
                continue;
            }

            if (message is { Kind: AlpacaStreamMessageKind.TradeUpdate, Event: { } tradeEvent, Order: { } order })
            {
                await MirrorAsync(tradeEvent, order, cancellationToken);
            }
        }
    }

    private async Task MirrorAsync(string tradeEvent, BrokerOrder order, CancellationToken cancellationToken)
    {
        var command = new MirrorBrokerOrderUpdateCommand(
            Binding.UserId, tradeEvent, order.BrokerOrderId, order.ClientOrderId, order.Status, order.FilledQuantity, order.AverageFillPrice);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, cancellationToken);
            switch (outcome)
            {
                case null:
                    LogUnknownOrder(Logger, Binding.UserId, tradeEvent, order.BrokerOrderId);
                    break;
                case BrokerUpdateOutcome.Stale:
                    LogStale(Logger, Binding.UserId, tradeEvent, order.BrokerOrderId, order.Status);
                    break;
                case BrokerUpdateOutcome.Applied:
                    LogMirrored(Logger, Binding.UserId, tradeEvent, order.BrokerOrderId, order.Status, order.FilledQuantity);
                    break;
                default:
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // One update that cannot be mirrored (refused, invalid, the actor unreachable) never stops the stream.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogMirrorFailed(Logger, Binding.UserId, tradeEvent, order.BrokerOrderId, exception);
        }
    }

    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var finished = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ReconcileBrokerOrdersCommand(Binding.UserId), cancellationToken);
            LogReconciled(Logger, Binding.UserId, finished);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The next order refreshes them anyway; the stream goes on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogReconcileFailed(Logger, Binding.UserId, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped an unreadable trade-update stream message for user {UserId}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, Guid userId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored trade update {TradeEvent} for user {UserId}: broker order {BrokerOrderId} is not an order RiskPlatform holds")]
    private static partial void LogUnknownOrder(ILogger logger, Guid userId, string tradeEvent, string brokerOrderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored trade update {TradeEvent} for user {UserId}: broker order {BrokerOrderId} is already past {Status}")]
    private static partial void LogStale(ILogger logger, Guid userId, string tradeEvent, string brokerOrderId, OrderStatus status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Trade update {TradeEvent} for user {UserId} mirrored: broker order {BrokerOrderId} {Status}, {FilledQuantity} filled")]
    private static partial void LogMirrored(ILogger logger, Guid userId, string tradeEvent, string brokerOrderId, OrderStatus status, decimal filledQuantity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trade update {TradeEvent} for user {UserId} (broker order {BrokerOrderId}) could not be mirrored; skipped")]
    private static partial void LogMirrorFailed(ILogger logger, Guid userId, string tradeEvent, string brokerOrderId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled the open orders of user {UserId} after the trade-update stream connected: {Finished} finished meanwhile")]
    private static partial void LogReconciled(ILogger logger, Guid userId, int finished);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reconcile the open orders of user {UserId} after the trade-update stream connected; the next order refreshes them")]
    private static partial void LogReconcileFailed(ILogger logger, Guid userId, Exception exception);
}
