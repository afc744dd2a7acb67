using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Brokers;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Specifications;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.Trading.Paper;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Infrastructure.Brokers.Paper;

/// <summary>
/// The built-in paper broker behind <see cref="IBrokerGateway"/>: the user's <see cref="PaperAccount"/> (opened on first order
/// with <see cref="PaperBrokerOptions.StartingCash"/>) filled against the <see cref="MarketQuote"/>s set through the quotes API.
/// Everything is in the database, inside the caller's unit of work: nothing here saves, and nothing leaves the process.
/// </summary>
/// <remarks>
/// Reads never create or change the account: a user without one is reported as a fresh account (starting cash, nothing else),
/// so a blocked order or a risk test commits no account row. Positions are valued at each symbol's mark (last, else mid);
/// a position without a quote is valued at its average entry price. Day-start equity and the high-water mark are persisted on
/// the account and advanced by <see cref="PaperAccount.Mark"/> before each order placed or cancelled; reads report what the
/// next mark would leave (docs/decisions/007-pre-trade-path.md).
/// </remarks>
internal sealed class PaperBrokerGateway(
    AccountActorCall actorCall,
    AccountChanges changes,
    IRepository<PaperAccount> accounts,
    IReadRepository<PaperAccount> remembered,
    IReadRepository<MarketQuote> quotes,
    RiskPlatformDbContext dbContext,
    IOptions<PaperBrokerOptions> options,
    TimeProvider timeProvider) : IBrokerGateway
{
    /// <summary>
    /// The quotes of the symbols an account holds, which every order and every valuation of a command reads: compiled, since
    /// looking the query up in EF Core's translation cache was about a third of its CPU (the same filter as
    /// <see cref="MarketQuotesBySymbolsSpec"/>).
    /// </summary>
    private static readonly CompiledPerModel<Func<RiskPlatformDbContext, string[], IAsyncEnumerable<MarketQuote>>> QuotesOfSymbols = new(() =>
        EF.CompileAsyncQuery((RiskPlatformDbContext db, string[] symbols) =>
            db.Set<MarketQuote>().AsNoTracking().Where(q => symbols.Contains(q.Symbol))));

    private readonly Dictionary<Guid, PaperAccount> _loaded = [];

    /// <summary>
    /// The quotes read in this scope (one command or query): each symbol is read once, and every valuation of the scope —
    /// account, positions, the order's fill, the mark — uses the same prices.
    /// </summary>
    private readonly Dictionary<string, MarketQuote?> _quotes = new(StringComparer.Ordinal);

    /// <summary>The marks used in this scope, so that every valuation of one command or query uses the same prices.</summary>
    private readonly Dictionary<string, decimal?> _marks = new(StringComparer.Ordinal);

    public async Task<BrokerAccount> GetAccountAsync(Guid userId, CancellationToken cancellationToken)
    {
        var account = await FindOrFreshAsync(userId, cancellationToken);
        var marks = await MarksAsync(account, cancellationToken);
        var snapshot = account.Snapshot(marks);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return new BrokerAccount(
            account.Id.ToString(),
            snapshot.Equity,
            snapshot.Cash,
            snapshot.BuyingPower,
            account.DayStartEquityAt(snapshot.Equity, now),
            account.EquityHighWaterMarkAt(snapshot.Equity),
            snapshot.UnrealizedPnl,
            snapshot.RealizedPnl);
    }

    public Task<bool> IsExternalAsync(Guid userId, CancellationToken cancellationToken) => Task.FromResult(false);

    public async Task<BrokerOrder?> FindOrderByClientOrderIdAsync(Guid userId, string clientOrderId, CancellationToken cancellationToken)
    {
        var account = await FindAsync(userId, cancellationToken);
        return account is not null && await FindOrderAsync(account, clientOrderId, cancellationToken) is { } order ? ToBrokerOrder(order) : null;
    }

    public async Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(Guid userId, CancellationToken cancellationToken)
    {
        var account = await FindOrFreshAsync(userId, cancellationToken);
        var marks = await MarksAsync(account, cancellationToken);
        return [.. account.Snapshot(marks).Positions.Select(p => new BrokerPosition(p.Symbol, p.Quantity, p.AverageEntryPrice, p.MarkPrice, p.UnrealizedPnl))];
    }

    public async Task<IReadOnlyList<BrokerOrder>> GetOpenOrdersAsync(Guid userId, CancellationToken cancellationToken)
    {
        var account = await FindOrFreshAsync(userId, cancellationToken);
        return [.. account.OpenOrders.Select(ToBrokerOrder)];
    }

    public async Task<BrokerOrder?> GetOrderAsync(Guid userId, string brokerOrderId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(brokerOrderId, out var id))
        {
            return null;
        }

        var account = await FindAsync(userId, cancellationToken);
        return account is not null && await FindOrderAsync(account, id, cancellationToken) is { } order ? ToBrokerOrder(order) : null;
    }

    public async Task<BrokerQuote?> GetQuoteAsync(Guid userId, string symbol, CancellationToken cancellationToken)
    {
        var quote = await QuoteAsync(TradingSymbol.Normalize(symbol), cancellationToken);
        return quote is null ? null : new BrokerQuote(quote.Symbol, quote.Bid, quote.Ask, quote.Last, quote.UpdatedAt);
    }

    public async Task<BrokerOrder> SubmitOrderAsync(Guid userId, BrokerOrderRequest request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var account = await FindAsync(userId, cancellationToken);
        if (account is null)
        {
            account = PaperAccount.Open(userId, now, options.Value.StartingCash);
            accounts.Add(account);
            _loaded[userId] = account;
            PaperAccountForChange.Opened(changes, accounts, account);
        }
        else if (!request.ClientOrderIdIsNew
            && request.ClientOrderId?.Trim() is { Length: > 0 and <= PaperOrder.ClientOrderIdMaxLength } clientOrderId)
        {
            // Idempotency on the client order id holds over the whole history, which is not loaded: fetch that one order.
            await FindOrderAsync(account, clientOrderId, cancellationToken);
        }

        await MarkAsync(account, now, cancellationToken);
        var symbol = TradingSymbol.Normalize(request.Symbol);
        var quote = await QuoteAsync(symbol, cancellationToken);
        var order = account.PlaceOrder(
            symbol, request.Side, request.Quantity, request.Type, request.LimitPrice, request.TimeInForce, request.ClientOrderId, quote, now);
        return ToBrokerOrder(order);
    }

    public async Task<BrokerOrder> CancelOrderAsync(Guid userId, string brokerOrderId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var account = await FindAsync(userId, cancellationToken);
        if (account is null || !Guid.TryParse(brokerOrderId, out var id) || await FindOrderAsync(account, id, cancellationToken) is null)
        {
            throw new Application.Common.Exceptions.NotFoundException("Broker order", brokerOrderId);
        }

        await MarkAsync(account, now, cancellationToken);
        return ToBrokerOrder(account.CancelOrder(id, now));
    }

    public async Task<BrokerOrder> ClosePositionAsync(Guid userId, string symbol, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var normalized = TradingSymbol.Normalize(symbol);
        var account = await FindAsync(userId, cancellationToken);
        var position = account?.FindPosition(normalized);
        if (account is null || position is null || position.Quantity == 0)
        {
            throw new Application.Common.Exceptions.NotFoundException("Position", normalized);
        }

        await MarkAsync(account, now, cancellationToken);
        return ToBrokerOrder(await CloseAsync(account, position, now, cancellationToken));
    }

    public async Task<IReadOnlyList<BrokerPositionClose>> CloseAllPositionsAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var account = await FindAsync(userId, cancellationToken);
        if (account is null)
        {
            return [];
        }

        await MarkAsync(account, now, cancellationToken);
        foreach (var open in account.OpenOrders)
        {
            account.CancelOrder(open.Id, now);
        }

        var results = new List<BrokerPositionClose>();
        foreach (var position in account.Positions.Where(p => p.Quantity != 0).OrderBy(p => p.Symbol, StringComparer.Ordinal).ToList())
        {
            var order = await CloseAsync(account, position, now, cancellationToken);
            results.Add(order.Status == OrderStatus.Rejected
                ? new BrokerPositionClose(position.Symbol, ToBrokerOrder(order), order.RejectReason)
                : new BrokerPositionClose(position.Symbol, ToBrokerOrder(order), null));
        }

        return results;
    }

    /// <summary>A market order for the whole position on the opposite side, filled at the current quote (rejected without one).</summary>
    private async Task<PaperOrder> CloseAsync(PaperAccount account, PaperPosition position, DateTime now, CancellationToken cancellationToken)
    {
        var quote = await QuoteAsync(position.Symbol, cancellationToken);
        var side = position.Quantity > 0 ? OrderSide.Sell : OrderSide.Buy;
        return account.PlaceOrder(
            position.Symbol, side, Math.Abs(position.Quantity), OrderType.Market, null, TimeInForce.Day, $"close-{Guid.CreateVersion7():N}", quote, now);
    }

    private async Task MarkAsync(PaperAccount account, DateTime now, CancellationToken cancellationToken)
    {
        var marks = await MarksAsync(account, cancellationToken);
        account.Mark(account.Equity(marks), now);
    }

    private async Task<PaperAccount?> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (_loaded.TryGetValue(userId, out var cached))
        {
            return cached;
        }

        // A command on the account's actor changes a copy of the account it remembers; the actor keeps what commits.
        var account = await PaperAccountForChange.LoadAsync(changes, accounts, userId, cancellationToken);
        if (account is not null)
        {
            _loaded[userId] = account;
        }

        return account;
    }

    /// <summary>
    /// The account's order <paramref name="orderId"/>: an open or already loaded one from memory, otherwise from the history in
    /// the database (a tracked load that adds it to the account's orders).
    /// </summary>
    private async Task<PaperOrder?> FindOrderAsync(PaperAccount account, Guid orderId, CancellationToken cancellationToken)
    {
        if (account.FindOrder(orderId) is { } loaded)
        {
            return loaded;
        }

        await accounts.FirstOrDefaultAsync(new PaperAccountWithOrderSpec(account.UserId, orderId), cancellationToken);
        return account.FindOrder(orderId);
    }

    /// <summary>The account's order placed with <paramref name="clientOrderId"/>: from memory, otherwise from the history (tracked).</summary>
    private async Task<PaperOrder?> FindOrderAsync(PaperAccount account, string clientOrderId, CancellationToken cancellationToken)
    {
        if (account.Orders.FirstOrDefault(o => o.ClientOrderId == clientOrderId) is { } loaded)
        {
            return loaded;
        }

        await accounts.FirstOrDefaultAsync(new PaperAccountWithOrderSpec(account.UserId, clientOrderId), cancellationToken);
        return account.Orders.FirstOrDefault(o => o.ClientOrderId == clientOrderId);
    }

    /// <summary>
    /// The account as the reads see it (they never change it): on a read on the account's actor the untracked copy the actor
    /// remembers, otherwise this scope's tracked one; a fresh account for a user without one.
    /// </summary>
    private async Task<PaperAccount> FindOrFreshAsync(Guid userId, CancellationToken cancellationToken)
    {
        var account = !actorCall.IsRead || _loaded.ContainsKey(userId)
            ? await FindAsync(userId, cancellationToken)
            : await actorCall.RecallAsync(
                userId,
                AccountMemoryPart.PaperAccount,
                token => remembered.FirstOrDefaultAsync(new PaperAccountForUserSpec(userId), token),
                cancellationToken);
        return account ?? PaperAccount.Open(userId, timeProvider.GetUtcNow().UtcDateTime, options.Value.StartingCash);
    }

    /// <summary>
    /// The mark of each held symbol with a quote. Each symbol is valued once per scope; on a read on the account's actor the
    /// marks come from the actor's memory of its held symbols' quotes, which every quote's commit refreshes.
    /// </summary>
    private async Task<Dictionary<string, decimal>> MarksAsync(PaperAccount account, CancellationToken cancellationToken)
    {
        if (account.Positions.Count == 0)
        {
            return [];
        }

        var symbols = account.Positions.Select(p => p.Symbol).Distinct(StringComparer.Ordinal).ToList();
        var missing = symbols.Where(symbol => !_marks.ContainsKey(symbol)).ToList();
        if (missing.Count > 0)
        {
            var found = (await actorCall.RecallHeldQuotesAsync(account.UserId, missing, LoadQuoteMarksAsync, cancellationToken))
                .ToDictionary(q => q.Symbol, q => q.Price, StringComparer.Ordinal);
            foreach (var symbol in missing)
            {
                _marks[symbol] = found.TryGetValue(symbol, out var price) ? price : null;
            }
        }

        return symbols
            .Where(symbol => _marks[symbol] is not null)
            .ToDictionary(symbol => symbol, symbol => _marks[symbol]!.Value, StringComparer.Ordinal);
    }

    private async Task<IReadOnlyList<QuoteMark>> LoadQuoteMarksAsync(IReadOnlyList<string> symbols, CancellationToken cancellationToken)
    {
        var missing = symbols.Where(symbol => !_quotes.ContainsKey(symbol)).ToList();
        if (missing.Count > 0)
        {
            var found = new Dictionary<string, MarketQuote>(StringComparer.Ordinal);
            await foreach (var quote in QuotesOfSymbols.For(dbContext)(dbContext, [.. missing]).WithCancellation(cancellationToken))
            {
                found[quote.Symbol] = quote;
            }
            foreach (var symbol in missing)
            {
                _quotes[symbol] = found.GetValueOrDefault(symbol);
            }
        }

        return [.. symbols.Select(symbol => _quotes[symbol]).OfType<MarketQuote>().Select(q => new QuoteMark(q.Symbol, q.MarkPrice, q.UpdatedAt))];
    }

    private async Task<MarketQuote?> QuoteAsync(string symbol, CancellationToken cancellationToken)
    {
        if (!_quotes.TryGetValue(symbol, out var quote))
        {
            quote = await quotes.FirstOrDefaultAsync(new MarketQuoteBySymbolSpec(symbol), cancellationToken);
            _quotes[symbol] = quote;
        }

        return quote;
    }

    private static BrokerOrder ToBrokerOrder(PaperOrder order) => new(
        order.Id.ToString(),
        order.ClientOrderId,
        order.Symbol,
        order.Side,
        order.Type,
        order.TimeInForce,
        order.Quantity,
        order.FilledQuantity,
        order.LimitPrice,
        order.AverageFillPrice,
        order.Status,
        order.RejectReason,
        order.CreatedAt,
        order.FilledAt);
}
