using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RiskPlatform.Application.Common.Credentials;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Commands.SetMarketQuote;
using RiskPlatform.Application.MarketData.Commands.SetMarketQuotes;
using RiskPlatform.Application.MarketData.Queries.GetWatchedSymbols;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.MarketData;

namespace RiskPlatform.Infrastructure.Brokers.Alpaca.Streams;

/// <summary>
/// One bound Alpaca key's market-data stream (connection, authentication and reconnects: <see cref="AlpacaStreamConnection"/>):
/// after <c>connected</c> and <c>authenticated</c>, it subscribes to the trades and quotes of the symbols the account holds or
/// has open orders in (<see cref="GetWatchedSymbolsQuery"/>, read again every <see cref="AlpacaOptions.StreamBindingPollSeconds"/>
/// and on every reconnect; the subscription follows the changes). Each trade or quote becomes the symbol's latest price
/// (<see cref="PriceOf"/>); every <see cref="AlpacaOptions.DataStreamBatchMilliseconds"/> the latest price per symbol, where it
/// changed, is stored through the quote path (<see cref="SetMarketQuotesCommand"/>, one batch), and the account is queued for
/// the monitor at most once per <see cref="AlpacaOptions.DataStreamMonitorIntervalSeconds"/>. What waits is one price per
/// subscribed symbol, never a queue. A message that cannot be read, an unusable price and a symbol not subscribed are logged
/// and skipped; the connection stays.
/// </summary>
internal sealed partial class AlpacaMarketDataConnection(
    AlpacaStreamBinding binding,
    Uri url,
    DecryptedCredentialAccess credentials,
    AlpacaOptions options,
    IServiceScopeFactory scopes,
    IMonitorQueue monitor,
    TimeProvider timeProvider,
    ILogger logger) : AlpacaStreamConnection(binding, url, credentials, options, logger)
{
    private readonly Lock _lock = new();

    /// <summary>The latest price per symbol since the last batch (written by the reader, taken by the batch).</summary>
    private readonly Dictionary<string, SetMarketQuoteCommand> _latest = new(StringComparer.Ordinal);

    /// <summary>The last price stored per symbol (the batch loop only): an unchanged price is not stored again.</summary>
    private readonly Dictionary<string, SetMarketQuoteCommand> _stored = new(StringComparer.Ordinal);

    /// <summary>The symbols asked for on this connection; prices of any other symbol are skipped.</summary>
    private HashSet<string> _subscribed = new(StringComparer.Ordinal);

    /// <summary>When the latest monitor run this stream asked for starts (now, or later when paced).</summary>
    private DateTimeOffset _monitorSlot = DateTimeOffset.MinValue;

    protected override string StreamName => "market-data";

    /// <summary>
    /// The price a trade or quote gives: a trade's price, or a quote's bid and ask (the service's quote then marks at their
    /// mid) when both are positive and not crossed; null for anything else, and for a price the quote path would refuse.
    /// </summary>
    public static SetMarketQuoteCommand? PriceOf(AlpacaMarketDataMessage message) => message switch
    {
        { Kind: AlpacaMarketDataMessageKind.Trade, Symbol: { } symbol, Price: { } price } when IsPrice(price) =>
            new SetMarketQuoteCommand(symbol, Price: price),
        { Kind: AlpacaMarketDataMessageKind.Quote, Symbol: { } symbol, Bid: { } bid, Ask: { } ask } when IsPrice(bid) && IsPrice(ask) && bid <= ask =>
            new SetMarketQuoteCommand(symbol, Bid: bid, Ask: ask),
        _ => null,
    };

    protected override async Task HandshakeAsync(ClientWebSocket socket, CancellationToken handshakeToken)
    {
        await ExpectSuccessAsync(socket, "connected", handshakeToken);
        await SendAuthenticationAsync(socket, handshakeToken);
        await ExpectSuccessAsync(socket, "authenticated", handshakeToken);
    }

    protected override async Task RunSessionAsync(ClientWebSocket socket, CancellationToken stoppingToken)
    {
        lock (_lock)
        {
            _subscribed = new HashSet<string>(StringComparer.Ordinal);
            _latest.Clear();
        }

        using var session = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var reading = ConsumeAsync(socket, session.Token);
        try
        {
            using var batches = new PeriodicTimer(TimeSpan.FromMilliseconds(Options.DataStreamBatchMilliseconds), timeProvider);
            var symbolsDue = DateTimeOffset.MinValue;
            while (!reading.IsCompleted)
            {
                stoppingToken.ThrowIfCancellationRequested();
                if (timeProvider.GetUtcNow() >= symbolsDue)
                {
                    await SubscribeAsync(socket, stoppingToken);
                    symbolsDue = timeProvider.GetUtcNow().AddSeconds(Options.StreamBindingPollSeconds);
                }

                await StoreLatestAsync(stoppingToken);
                await Task.WhenAny(reading, batches.WaitForNextTickAsync(stoppingToken).AsTask());
            }

            await StoreLatestAsync(stoppingToken);
            await reading; // the server closed (returns) or the connection failed (throws)
        }
        finally
        {
            await session.CancelAsync();
            await reading.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private static bool IsPrice(decimal price) => price is > 0m and <= TradingInput.MaxPrice && MarketPrecision.HasAllowedScale(price);

    /// <summary>Reads past other items until <c>success</c> with <paramref name="text"/>; an <c>error</c> item refuses the stream.</summary>
    private async Task ExpectSuccessAsync(ClientWebSocket socket, string text, CancellationToken cancellationToken)
    {
        while (true)
        {
            var body = await ReceiveExpectedAsync(socket, text, cancellationToken);
            foreach (var message in AlpacaPayloads.ParseMarketDataMessages(body.Span))
            {
                if (message is { Kind: AlpacaMarketDataMessageKind.Success } && message.Text == text)
                {
                    return;
                }

                if (message.Kind == AlpacaMarketDataMessageKind.Error)
                {
                    throw new AlpacaStreamRefusedException($"Alpaca answered {message.Code} {message.Text} on the market-data stream.");
                }
            }
        }
    }

    private async Task ConsumeAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        while (await ReceiveAsync(socket, cancellationToken) is { } body)
        {
            IReadOnlyList<AlpacaMarketDataMessage> messages;
            try
            {
                messages = AlpacaPayloads.ParseMarketDataMessages(body.Span);
            }
            catch (AlpacaPayloadException exception)
            {
                LogSkipped(Logger, Binding.UserId, exception.Message);
                continue;
            }

            foreach (var message in messages)
            {
                Take(message);
            }
        }
    }

    private void Take(AlpacaMarketDataMessage message)
    {
        switch (message.Kind)
        {
            case AlpacaMarketDataMessageKind.Trade or AlpacaMarketDataMessageKind.Quote:
                if (PriceOf(message) is not { } price)
                {
                    LogUnusablePrice(Logger, Binding.UserId, message.Kind, message.Symbol);
                    return;
                }

                lock (_lock)
                {
                    if (_subscribed.Contains(price.Symbol!))
                    {
                        _latest[price.Symbol!] = price;
                        return;
                    }
                }

                LogNotSubscribed(Logger, Binding.UserId, message.Kind, price.Symbol!);
                break;
            case AlpacaMarketDataMessageKind.Unreadable:
                LogSkipped(Logger, Binding.UserId, message.Text ?? string.Empty);
                break;
            case AlpacaMarketDataMessageKind.Error:
                LogStreamError(Logger, Binding.UserId, message.Code, message.Text);
                break;
            case AlpacaMarketDataMessageKind.Subscription:
                LogSubscribed(Logger, Binding.UserId, string.Join(',', message.Trades), string.Join(',', message.Quotes));
                break;
            default:
                break;
        }
    }

    /// <summary>Reads the watched symbols and (un)subscribes the difference; a failed read keeps the subscription as it is.</summary>
    private async Task SubscribeAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        HashSet<string> wanted;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            wanted = new HashSet<string>(
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetWatchedSymbolsQuery(Binding.UserId), cancellationToken),
                StringComparer.Ordinal);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The broker or the database briefly down: the subscription stays; the next read tries again.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogSymbolsFailed(Logger, Binding.UserId, exception);
            return;
        }

        List<string> added, removed;
        lock (_lock)
        {
            added = [.. wanted.Where(s => !_subscribed.Contains(s)).Order(StringComparer.Ordinal)];
            removed = [.. _subscribed.Where(s => !wanted.Contains(s)).Order(StringComparer.Ordinal)];
            _subscribed = wanted;
            foreach (var symbol in removed)
            {
                _latest.Remove(symbol);
            }
        }

        if (removed.Count > 0)
        {
            await SendSubscriptionAsync(socket, "unsubscribe", removed, cancellationToken);
        }

        if (added.Count > 0)
        {
            await SendSubscriptionAsync(socket, "subscribe", added, cancellationToken);
        }

        if (added.Count > 0 || removed.Count > 0)
        {
            LogSubscribing(Logger, Binding.UserId, string.Join(',', added), string.Join(',', removed));
        }
    }

    /// <summary><c>{"action":"subscribe"|"unsubscribe","trades":[…],"quotes":[…]}</c>.</summary>
    private static async Task SendSubscriptionAsync(ClientWebSocket socket, string action, IReadOnlyList<string> symbols, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("action", action);
            foreach (var channel in (ReadOnlySpan<string>)["trades", "quotes"])
            {
                json.WriteStartArray(channel);
                foreach (var symbol in symbols)
                {
                    json.WriteStringValue(symbol);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    /// <summary>Stores the latest price of every symbol whose price changed since it was last stored, then paces the monitor.</summary>
    private async Task StoreLatestAsync(CancellationToken cancellationToken)
    {
        List<SetMarketQuoteCommand> changed;
        lock (_lock)
        {
            changed = [.. _latest.Values.Where(q => _stored.GetValueOrDefault(q.Symbol!) != q)];
            _latest.Clear();
        }

        if (changed.Count == 0)
        {
            return;
        }

        try
        {
            foreach (var batch in changed.Chunk(SetMarketQuotesCommand.MaxQuotes))
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SetMarketQuotesCommand(batch), cancellationToken);
                foreach (var quote in batch)
                {
                    _stored[quote.Symbol!] = quote;
                }
            }

            LogStored(Logger, Binding.UserId, changed.Count);
            QueueMonitor();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is ValidationException or DomainException)
        {
            // Prices the quote path refuses are dropped: the next prices follow.
            LogStoreFailed(Logger, Binding.UserId, changed.Count, exception);
        }
#pragma warning disable CA1031 // The database briefly down, or a conflict with another writer: the prices are stored with the next batch.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogStoreRetried(Logger, Binding.UserId, changed.Count, exception);
            lock (_lock)
            {
                // A price the stream sent since is newer and wins; the rest wait for the next batch instead of being lost, since
                // the stream may not send that symbol again for a while.
                foreach (var quote in changed.Where(q => !_stored.TryGetValue(q.Symbol!, out var stored) || stored != q))
                {
                    _latest.TryAdd(quote.Symbol!, quote);
                }
            }
        }
    }

    /// <summary>
    /// Queues the account for the monitor now, or — when its last run asked for by this stream started less than the interval
    /// ago — once the interval has passed (one waiting run sees every price before it).
    /// </summary>
    private void QueueMonitor()
    {
        var interval = TimeSpan.FromSeconds(Options.DataStreamMonitorIntervalSeconds);
        var now = timeProvider.GetUtcNow();
        if (now - _monitorSlot >= interval)
        {
            _monitorSlot = now;
            monitor.Enqueue(Binding.UserId);
        }
        else if (_monitorSlot <= now)
        {
            _monitorSlot += interval;
            monitor.EnqueueAfter(Binding.UserId, _monitorSlot - now);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped an unreadable market-data stream message for user {UserId}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, Guid userId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a market-data {Kind} for user {UserId}: {Symbol} has no usable price")]
    private static partial void LogUnusablePrice(ILogger logger, Guid userId, AlpacaMarketDataMessageKind kind, string? symbol);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a market-data {Kind} for user {UserId}: {Symbol} is not subscribed")]
    private static partial void LogNotSubscribed(ILogger logger, Guid userId, AlpacaMarketDataMessageKind kind, string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alpaca market-data stream of user {UserId} reported error {Code}: {Error}")]
    private static partial void LogStreamError(ILogger logger, Guid userId, int? code, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alpaca market-data stream of user {UserId} subscribed: trades [{Trades}], quotes [{Quotes}]")]
    private static partial void LogSubscribed(ILogger logger, Guid userId, string trades, string quotes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alpaca market-data stream of user {UserId}: subscribing [{Added}], unsubscribing [{Removed}]")]
    private static partial void LogSubscribing(ILogger logger, Guid userId, string added, string removed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the symbols of user {UserId} for the market-data stream; the subscription stays as it is")]
    private static partial void LogSymbolsFailed(ILogger logger, Guid userId, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stored {Count} streamed price(s) for user {UserId}")]
    private static partial void LogStored(ILogger logger, Guid userId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store {Count} streamed price(s) for user {UserId}; skipped")]
    private static partial void LogStoreFailed(ILogger logger, Guid userId, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store {Count} streamed price(s) for user {UserId}; they wait for the next batch")]
    private static partial void LogStoreRetried(ILogger logger, Guid userId, int count, Exception exception);
}
