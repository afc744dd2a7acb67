using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
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
/// One bound Alpaca key's trade-update stream, kept open until stopped: connect, authenticate (the credentials are decrypted
/// only to write the auth message, whose buffer is zeroed once sent), listen to <c>trade_updates</c>, reconcile the account's
/// open orders over REST (whatever happened while no stream was open), then mirror each update on the account's actor, one
/// at a time in arrival order. A message that cannot be read, names an order RiskPlatform does not hold, or is behind the
/// order is logged and skipped; the connection stays. A lost connection is opened again after a jittered, doubling back-off
/// (refused credentials: the longest one).
/// </summary>
internal sealed partial class AlpacaTradeUpdatesConnection(
    AlpacaStreamBinding binding,
    Uri url,
    DecryptedCredentialAccess credentials,
    AlpacaOptions options,
    IServiceScopeFactory scopes,
    ILogger logger)
{
    /// <summary>Largest stream message read; a bigger one drops the connection.</summary>
    public const int MaxMessageBytes = AlpacaOptions.MaxResponseBytes;

    public const string TradeUpdatesStream = "trade_updates";

    /// <summary>Room for the auth message, so the buffer holding the credentials never grows (and leaves no copy behind).</summary>
    private const int AuthBufferBytes = 8 * 1024;

    private static ReadOnlySpan<byte> ListenMessage => """{"action":"listen","data":{"streams":["trade_updates"]}}"""u8;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan delay;
            try
            {
                using var socket = new ClientWebSocket();
                await HandshakeAsync(socket, stoppingToken);
                failures = 0;
                LogListening(logger, binding.UserId, binding.ApiKeyId);
                await ReconcileAsync(stoppingToken);
                await ConsumeAsync(socket, stoppingToken);
                LogClosed(logger, binding.UserId, binding.ApiKeyId);
                delay = Backoff(failures);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (AlpacaStreamRefusedException refused)
            {
                LogRefused(logger, binding.UserId, binding.ApiKeyId, refused.Message);
                delay = TimeSpan.FromSeconds(options.StreamReconnectMaxDelaySeconds);
            }
#pragma warning disable CA1031 // The consumer never dies: whatever broke the connection, it is opened again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogDisconnected(logger, binding.UserId, binding.ApiKeyId, exception.GetType().Name, exception.Message);
                delay = Backoff(failures++);
            }

            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Doubling from the base delay up to the maximum, each wait drawn between half and one and a half of it.</summary>
    private TimeSpan Backoff(int failures)
    {
        var max = TimeSpan.FromSeconds(options.StreamReconnectMaxDelaySeconds);
        var nominal = TimeSpan.FromMilliseconds(options.StreamReconnectBaseDelayMilliseconds * Math.Pow(2, Math.Min(failures, 16)));
        var jittered = (nominal < max ? nominal : max) * (0.5 + Random.Shared.NextDouble());
        return jittered < max ? jittered : max;
    }

    private async Task HandshakeAsync(ClientWebSocket socket, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.StreamHandshakeTimeoutSeconds));
        try
        {
            await socket.ConnectAsync(url, timeout.Token);
            await SendAuthenticationAsync(socket, timeout.Token);
            var authorization = await ReceiveUntilAsync(socket, AlpacaStreamMessageKind.Authorization, timeout.Token);
            if (!authorization.Authorized)
            {
                throw new AlpacaStreamRefusedException("Alpaca refused the key's credentials on the trade-update stream.");
            }

            await socket.SendAsync(ListenMessage.ToArray(), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
            var listening = await ReceiveUntilAsync(socket, AlpacaStreamMessageKind.Listening, timeout.Token);
            if (!listening.Streams.Contains(TradeUpdatesStream, StringComparer.Ordinal))
            {
                throw new AlpacaStreamRefusedException("Alpaca did not grant the trade_updates stream.");
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The trade-update stream did not authenticate and listen within {options.StreamHandshakeTimeoutSeconds} s.");
        }
    }

    private async Task SendAuthenticationAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(AuthBufferBytes);
        try
        {
            credentials.Use(buffer, static (apiKey, apiSecret, writer) =>
            {
                using var json = new Utf8JsonWriter(writer);
                json.WriteStartObject();
                json.WriteString("action"u8, "auth"u8);
                json.WriteString("key"u8, apiKey);
                json.WriteString("secret"u8, apiSecret);
                json.WriteEndObject();
                json.Flush();
                return writer.WrittenCount;
            });
            await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            buffer.Clear(); // zeroes the written bytes: the credentials live as long as one send
        }
    }

    /// <summary>Reads until a message of <paramref name="kind"/> (skipping others); the server closing first is a failure.</summary>
    private static async Task<AlpacaStreamMessage> ReceiveUntilAsync(ClientWebSocket socket, AlpacaStreamMessageKind kind, CancellationToken cancellationToken)
    {
        while (true)
        {
            var body = await ReceiveAsync(socket, cancellationToken)
                ?? throw new WebSocketException($"Alpaca closed the trade-update stream before its {kind} answer.");
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
                LogSkipped(logger, binding.UserId, exception.Message);
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
            binding.UserId, tradeEvent, order.BrokerOrderId, order.ClientOrderId, order.Status, order.FilledQuantity, order.AverageFillPrice);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, cancellationToken);
            switch (outcome)
            {
                case null:
                    LogUnknownOrder(logger, binding.UserId, tradeEvent, order.BrokerOrderId);
                    break;
                case BrokerUpdateOutcome.Stale:
                    LogStale(logger, binding.UserId, tradeEvent, order.BrokerOrderId, order.Status);
                    break;
                case BrokerUpdateOutcome.Applied:
                    LogMirrored(logger, binding.UserId, tradeEvent, order.BrokerOrderId, order.Status, order.FilledQuantity);
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
            LogMirrorFailed(logger, binding.UserId, tradeEvent, order.BrokerOrderId, exception);
        }
    }

    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var finished = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ReconcileBrokerOrdersCommand(binding.UserId), cancellationToken);
            LogReconciled(logger, binding.UserId, finished);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The next order refreshes them anyway; the stream goes on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogReconcileFailed(logger, binding.UserId, exception);
        }
    }

    /// <summary>One whole message (text or binary frames; Alpaca's paper stream sends binary), or null when the server closed.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxMessageBytes)
            {
                throw new WebSocketException($"A trade-update stream message exceeded {MaxMessageBytes} bytes.");
            }
        }
        while (!result.EndOfMessage);

        return buffer.WrittenMemory;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alpaca trade-update stream of user {UserId} (key {ApiKeyId}) is listening")]
    private static partial void LogListening(ILogger logger, Guid userId, Guid apiKeyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alpaca closed the trade-update stream of user {UserId} (key {ApiKeyId}); reconnecting")]
    private static partial void LogClosed(ILogger logger, Guid userId, Guid apiKeyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alpaca trade-update stream of user {UserId} (key {ApiKeyId}) refused: {Reason}; retrying after the longest back-off")]
    private static partial void LogRefused(ILogger logger, Guid userId, Guid apiKeyId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alpaca trade-update stream of user {UserId} (key {ApiKeyId}) lost ({ErrorType}: {Error}); reconnecting")]
    private static partial void LogDisconnected(ILogger logger, Guid userId, Guid apiKeyId, string errorType, string error);

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
