using System.Globalization;
using System.Text.Json;
using RiskPlatform.Application.BrokerBindings.Common;
using RiskPlatform.Application.Common.Brokers;
using RiskPlatform.Application.Common.Credentials;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Commands.ImportPriceBars;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Infrastructure.Brokers.Alpaca;

/// <summary>
/// <see cref="IBrokerGateway"/> on Alpaca's Trading API v2 and market-data API, with the user's bound vault key (decrypted only
/// while each request is built). Alpaca's string numbers are read as invariant decimals; a short position's negative qty keeps its
/// sign. Day-start equity is Alpaca's <c>last_equity</c>. Anything Alpaca cannot answer becomes
/// <see cref="ServiceUnavailableException"/> (503) with the reason, never zeros (with Retry-After when Alpaca rate-limited the key);
/// a bound key that is revoked, expired or inactive is a 409 <see cref="ConflictException"/> naming its state.
/// </summary>
/// <remarks>
/// Order submission is never retried blindly: after a timeout or 5xx the order is looked up by its client_order_id
/// (<c>GET /v2/orders:by_client_order_id</c>); only when Alpaca confirms it does not have it is it sent once more. Alpaca's 403
/// (buying power, shares) and 422 on an order become a 422 <see cref="RefusedException"/> carrying Alpaca's message; a 422 for a
/// duplicate client_order_id returns the existing order (the port's idempotency). Reads are cached for the scope (one request)
/// and dropped after any write.
/// </remarks>
internal sealed class AlpacaBrokerGateway(
    BrokerBindingResolver resolver,
    AlpacaClient client,
    AlpacaEndpoints endpoints,
    ICredentialCipher cipher,
    ICurrentUser currentUser,
    TimeProvider timeProvider) : IBrokerGateway
{
    public const string RejectedCode = "order_rejected_by_broker";

    private IReadOnlyList<BrokerPosition>? _positions;

    public async Task<BrokerAccount> GetAccountAsync(Guid userId, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(userId, cancellationToken);
        var response = await ExpectAsync(key, HttpMethod.Get, Trading(key, "v2/account"), cancellationToken);
        var account = Read(() => AlpacaPayloads.ParseAccount(response.Body));
        var positions = await PositionsAsync(key, cancellationToken);
        var unrealized = positions.Sum(p => p.UnrealizedPnl);
        return new BrokerAccount(
            account.AccountId,
            account.Equity,
            account.Cash,
            account.BuyingPower,
            account.LastEquity,
            Math.Max(account.LastEquity, account.Equity),
            unrealized,
            account.Equity - account.LastEquity - unrealized,
            DayStartFromBroker: true);
    }

    public async Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(Guid userId, CancellationToken cancellationToken) =>
        await PositionsAsync(await KeyAsync(userId, cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<BrokerOrder>> GetOpenOrdersAsync(Guid userId, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(userId, cancellationToken);
        var response = await ExpectAsync(key, HttpMethod.Get, Trading(key, "v2/orders?status=open&limit=500&direction=asc"), cancellationToken);
        return [.. Read(() => AlpacaPayloads.ParseOrders(response.Body)).Where(o => o.Status is OrderStatus.New or OrderStatus.PartiallyFilled)];
    }

    public async Task<BrokerOrder?> GetOrderAsync(Guid userId, string brokerOrderId, CancellationToken cancellationToken)
    {
        if (!IsOrderId(brokerOrderId))
        {
            return null;
        }

        var key = await KeyAsync(userId, cancellationToken);
        return await FindOrderAsync(key, $"v2/orders/{brokerOrderId}", cancellationToken);
    }

    public Task<bool> IsExternalAsync(Guid userId, CancellationToken cancellationToken) => Task.FromResult(true);

    public async Task<BrokerOrder?> FindOrderByClientOrderIdAsync(Guid userId, string clientOrderId, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(userId, cancellationToken);
        return await FindOrderAsync(key, ByClientOrderId(clientOrderId), cancellationToken);
    }

    public async Task<BrokerQuote?> GetQuoteAsync(Guid userId, string symbol, CancellationToken cancellationToken)
    {
        var normalized = TradingSymbol.Normalize(symbol);
        var key = await KeyAsync(userId, cancellationToken);
        var uri = AlpacaEndpoints.Combine(endpoints.DataBase, $"v2/stocks/{Uri.EscapeDataString(normalized)}/quotes/latest");
        var response = await SendAsync(key, HttpMethod.Get, uri, null, AlpacaCallKind.Read, cancellationToken);
        if (response.Status is 404 or 422)
        {
            return null;
        }

        var quote = Read(() => AlpacaPayloads.ParseLatestQuote(normalized, Expect(response, uri).Body));
        return quote.Bid <= 0 && quote.Ask <= 0 ? null : quote;
    }

    /// <summary>Symbols per bars request (their names go in the query string).</summary>
    private const int BarSymbolsPerRequest = 100;

    /// <summary>Bars per page: about 650 KB of JSON, inside the 1 MB a response may have.</summary>
    private const int BarsPerPage = 5000;

    /// <summary>
    /// The daily bars of <paramref name="symbols"/> from <paramref name="from"/> to <paramref name="to"/> (New York dates, both
    /// included) from Alpaca's market-data API (<c>GET /v2/stocks/bars</c>, timeframe 1Day, unadjusted), every page of them,
    /// with the user's bound key. A failure is a 503 like any other read.
    /// </summary>
    internal async Task<IReadOnlyList<PriceBarInput>> GetDailyBarsAsync(
        Guid userId, IReadOnlyCollection<string> symbols, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(userId, cancellationToken);
        var bars = new List<PriceBarInput>();
        foreach (var chunk in symbols.Select(TradingSymbol.Normalize).Distinct(StringComparer.Ordinal).Chunk(BarSymbolsPerRequest))
        {
            string? page = null;
            do
            {
                var query = string.Create(
                    CultureInfo.InvariantCulture,
                    $"v2/stocks/bars?symbols={Uri.EscapeDataString(string.Join(',', chunk))}&timeframe=1Day&start={from:yyyy-MM-dd}&end={to:yyyy-MM-dd}&adjustment=raw&limit={BarsPerPage}");
                var uri = AlpacaEndpoints.Combine(endpoints.DataBase, page is null ? query : $"{query}&page_token={Uri.EscapeDataString(page)}");
                var response = Expect(await SendAsync(key, HttpMethod.Get, uri, null, AlpacaCallKind.Read, cancellationToken), uri);
                var (received, next) = Read(() => AlpacaPayloads.ParseBars(response.Body));
                bars.AddRange(received);
                page = next;
            }
            while (page is not null);
        }

        return bars;
    }

    public async Task<BrokerOrder> SubmitOrderAsync(Guid userId, BrokerOrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await KeyAsync(userId, cancellationToken);
        _positions = null;
        var body = OrderBody(request);
        var lookup = ByClientOrderId(request.ClientOrderId);
        for (var submission = 1; ; submission++)
        {
            AlpacaResponse response;
            try
            {
                response = await SendAsync(key, HttpMethod.Post, Trading(key, "v2/orders"), body, AlpacaCallKind.Write, cancellationToken);
            }
            catch (ServiceUnavailableException unavailable) when (unavailable.InnerException is AlpacaCallException { Failure: AlpacaFailure.Unreachable })
            {
                // The order may or may not have reached Alpaca: ask before deciding, never resend blindly.
                var existing = await ReconcileAsync(key, lookup, request.ClientOrderId, unavailable, cancellationToken);
                if (existing is not null)
                {
                    return existing;
                }

                if (submission >= 2)
                {
                    throw;
                }

                continue;
            }

            if (response.IsSuccess)
            {
                return Read(() => AlpacaPayloads.ParseOrder(response.Body));
            }

            if (response.Status == 422 && response.ErrorMessage.Contains("client_order_id", StringComparison.OrdinalIgnoreCase)
                && await FindOrderAsync(key, lookup, cancellationToken) is { } duplicate)
            {
                return duplicate;
            }

            throw Rejected(response);
        }
    }

    public async Task<BrokerOrder> CancelOrderAsync(Guid userId, string brokerOrderId, CancellationToken cancellationToken)
    {
        if (!IsOrderId(brokerOrderId))
        {
            throw new NotFoundException("Broker order", brokerOrderId);
        }

        var key = await KeyAsync(userId, cancellationToken);
        _positions = null;
        var path = $"v2/orders/{brokerOrderId}";
        AlpacaResponse response;
        try
        {
            response = await SendAsync(key, HttpMethod.Delete, Trading(key, path), null, AlpacaCallKind.Write, cancellationToken);
        }
        catch (ServiceUnavailableException unavailable) when (unavailable.InnerException is AlpacaCallException { Failure: AlpacaFailure.Unreachable })
        {
            // Not resent: the order's state tells whether the cancel landed.
            if (await FindOrderAsync(key, path, cancellationToken) is { Status: OrderStatus.Cancelled } order)
            {
                return order;
            }

            throw;
        }

        return response.Status switch
        {
            >= 200 and < 300 => await FindOrderAsync(key, path, cancellationToken)
                ?? throw new ServiceUnavailableException("broker_unavailable", "Alpaca accepted the cancel but no longer reports the order."),
            404 => throw new NotFoundException("Broker order", brokerOrderId),
            422 => throw new ConflictException(OrderErrors.NotOpen, $"Alpaca cannot cancel the order: {response.ErrorMessage}"),
            _ => throw Rejected(response),
        };
    }

    public async Task<BrokerOrder> ClosePositionAsync(Guid userId, string symbol, CancellationToken cancellationToken)
    {
        var normalized = TradingSymbol.Normalize(symbol);
        var key = await KeyAsync(userId, cancellationToken);
        _positions = null;
        var response = await SendAsync(
            key, HttpMethod.Delete, Trading(key, $"v2/positions/{Uri.EscapeDataString(normalized)}"), null, AlpacaCallKind.Write, cancellationToken);
        return response.Status switch
        {
            >= 200 and < 300 => Read(() => AlpacaPayloads.ParseOrder(response.Body)),
            404 => throw new NotFoundException("Position", normalized),
            _ => throw Rejected(response),
        };
    }

    public async Task<IReadOnlyList<BrokerPositionClose>> CloseAllPositionsAsync(Guid userId, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(userId, cancellationToken);
        _positions = null;
        var response = await SendAsync(key, HttpMethod.Delete, Trading(key, "v2/positions?cancel_orders=true"), null, AlpacaCallKind.Write, cancellationToken);
        return response.IsSuccess ? Read(() => AlpacaPayloads.ParseCloseAll(response.Body)) : throw Rejected(response);
    }

    private async Task<IReadOnlyList<BrokerPosition>> PositionsAsync(AlpacaKey key, CancellationToken cancellationToken)
    {
        if (_positions is not null)
        {
            return _positions;
        }

        var response = await ExpectAsync(key, HttpMethod.Get, Trading(key, "v2/positions"), cancellationToken);
        return _positions = Read(() => AlpacaPayloads.ParsePositions(response.Body));
    }

    private async Task<BrokerOrder?> ReconcileAsync(
        AlpacaKey key, string lookup, string clientOrderId, ServiceUnavailableException failure, CancellationToken cancellationToken)
    {
        try
        {
            return await FindOrderAsync(key, lookup, cancellationToken);
        }
        catch (ServiceUnavailableException)
        {
            throw new ServiceUnavailableException(
                "broker_order_state_unknown",
                $"{failure.Message} Alpaca could not be asked whether order '{clientOrderId}' arrived; "
                + "resubmit with the same client_order_id to find out (it cannot be placed twice).",
                failure.InnerException);
        }
    }

    private static string ByClientOrderId(string clientOrderId) =>
        $"v2/orders:by_client_order_id?client_order_id={Uri.EscapeDataString(clientOrderId)}";

    /// <summary>GET an order; null on 404.</summary>
    private async Task<BrokerOrder?> FindOrderAsync(AlpacaKey key, string path, CancellationToken cancellationToken)
    {
        var uri = Trading(key, path);
        var response = await SendAsync(key, HttpMethod.Get, uri, null, AlpacaCallKind.Read, cancellationToken);
        return response.Status == 404 ? null : Read(() => AlpacaPayloads.ParseOrder(Expect(response, uri).Body));
    }

    private async Task<AlpacaResponse> ExpectAsync(AlpacaKey key, HttpMethod method, Uri uri, CancellationToken cancellationToken) =>
        Expect(await SendAsync(key, method, uri, null, AlpacaCallKind.Read, cancellationToken), uri);

    private static AlpacaResponse Expect(AlpacaResponse response, Uri uri) => response.IsSuccess
        ? response
        : throw new ServiceUnavailableException(
            "broker_unavailable", $"Alpaca answered HTTP {response.Status} to {uri.AbsolutePath}: {response.ErrorMessage}");

    private async Task<AlpacaResponse> SendAsync(
        AlpacaKey key, HttpMethod method, Uri uri, string? body, AlpacaCallKind kind, CancellationToken cancellationToken)
    {
        try
        {
            // No signed-in caller: the service's own call (the monitor), which may spend the key's reserve.
            var caller = currentUser.UserId is null ? AlpacaCaller.Service : AlpacaCaller.User;
            return await client.SendAsync(key, method, uri, body, kind, caller, cancellationToken);
        }
        catch (AlpacaCallException exception)
        {
            var code = exception.Failure == AlpacaFailure.RateLimited ? "broker_rate_limited" : "broker_unavailable";
            throw new ServiceUnavailableException(code, exception.Message, exception) { RetryAfter = exception.RetryAfter };
        }
    }

    /// <summary>
    /// The bound, usable Alpaca key of <paramref name="userId"/>. A key the user revoked, that expired or is inactive is a 409
    /// naming its state (api_key.revoked / api_key.expired / api_key.inactive: re-bind or reactivate); a key that no longer
    /// exists or is of a broker without adapter is a 503 broker_unavailable. Either way the binding is marked with the reason.
    /// </summary>
    private async Task<AlpacaKey> KeyAsync(Guid userId, CancellationToken cancellationToken)
    {
        var resolved = await resolver.ResolveAsync(userId, cancellationToken);
        if (resolved.IsPaper)
        {
            throw new InvalidOperationException("The user's trading account is not bound to an Alpaca key.");
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        var apiKey = resolved.ApiKey;
        var unusable = TradingAccountDto.UnusableReason(apiKey, now)
            ?? (apiKey!.Broker != Broker.Alpaca ? $"Trading through {apiKey.Broker} is not supported; bind an Alpaca key or paper." : null);
        if (unusable is not null)
        {
            if (apiKey is null)
            {
                throw new ServiceUnavailableException("broker_unavailable", unusable);
            }

            client.RecordUnusable(apiKey.Id, unusable);
            throw apiKey.EffectiveStatus(now) switch
            {
                ApiKeyStatus.Revoked => new ConflictException("api_key.revoked", unusable),
                ApiKeyStatus.Expired => new ConflictException("api_key.expired", unusable),
                ApiKeyStatus.Inactive => new ConflictException("api_key.inactive", unusable),
                _ => new ServiceUnavailableException("broker_unavailable", unusable),
            };
        }

        var credentials = new DecryptedCredentialAccess(cipher, CredentialContext.For(apiKey!), apiKey!.GetCiphertexts());
        return new AlpacaKey(
            apiKey.Id, apiKey.LastRotatedAt?.Ticks ?? 0, endpoints.TradingBase(apiKey.EffectiveBaseUrl, apiKey.IsPaperTrading), credentials);
    }

    private static Uri Trading(AlpacaKey key, string path) => AlpacaEndpoints.Combine(key.TradingBase, path);

    private static string OrderBody(BrokerOrderRequest request)
    {
        var body = new Dictionary<string, string>
        {
            ["symbol"] = TradingSymbol.Normalize(request.Symbol),
            ["qty"] = request.Quantity.ToString(CultureInfo.InvariantCulture),
            ["side"] = request.Side == OrderSide.Buy ? "buy" : "sell",
            ["type"] = request.Type == OrderType.Limit ? "limit" : "market",
            ["time_in_force"] = request.TimeInForce == TimeInForce.Gtc ? "gtc" : "day",
            ["client_order_id"] = request.ClientOrderId,
        };
        if (request.Type == OrderType.Limit && request.LimitPrice is { } limit)
        {
            body["limit_price"] = limit.ToString(CultureInfo.InvariantCulture);
        }

        return JsonSerializer.Serialize(body);
    }

    private static RefusedException Rejected(AlpacaResponse response) => new(
        RejectedCode,
        "The broker rejected the order.",
        $"Alpaca rejected the request (HTTP {response.Status}): {response.ErrorMessage}",
        new Dictionary<string, object?>
        {
            ["broker"] = "alpaca",
            ["broker_status"] = response.Status,
            ["broker_message"] = response.ErrorMessage,
        });

    private static T Read<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (AlpacaPayloadException exception)
        {
            throw new ServiceUnavailableException("broker_unavailable", exception.Message, exception);
        }
    }

    /// <summary>Alpaca order ids are UUIDs; anything else cannot be one (and never reaches a URL).</summary>
    private static bool IsOrderId(string brokerOrderId) => Guid.TryParse(brokerOrderId, out _);
}
