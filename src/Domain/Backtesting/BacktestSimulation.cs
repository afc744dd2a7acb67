using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.Portfolio.Calendar;
using RiskPlatform.Domain.Portfolio.Monitoring;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading.Paper;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Domain.Backtesting;

/// <summary>One run of <see cref="Backtester"/>: an in-memory paper account, portfolio state and open episodes, judged by one rule list.</summary>
internal sealed class BacktestSimulation
{
    private static readonly Lazy<TimeZoneInfo> NewYork = new(() => TimeZoneInfo.FindSystemTimeZoneById(TradingDayConvention.NewYorkTimeZoneId));

    private readonly BacktestInput _input;
    private readonly IReadOnlyList<RiskRule> _rules;
    private readonly Dictionary<Guid, int> _ruleIndex = [];
    private readonly MonitorOptions _monitorOptions;
    private readonly int _longestRateWindowSeconds;
    private readonly bool _usesSectors;
    private readonly bool _usesCloses;
    private RuleMarketData _marketData = RuleMarketData.Empty;

    private readonly Dictionary<string, decimal> _marks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QuoteSnapshot> _quotes = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<BreachEpisode> _openEpisodes = [];
    private readonly List<(PaperOrder Order, int Outcome)> _resting = [];
    private readonly List<DateTime> _recentOrderTimes = [];
    private readonly List<RuleEvaluation> _evaluations = [];
    private readonly List<BacktestOrderOutcome> _outcomes = [];
    private readonly List<BacktestMonitorEvent> _events = [];
    private readonly List<BacktestCurvePoint> _curve = [];

    private PaperAccount _account = null!;
    private PortfolioState _state = null!;
    private readonly List<PositionSnapshot> _positions = [];
    private readonly Dictionary<string, int> _positionIndex = new(StringComparer.Ordinal);
    private readonly HashSet<string> _filledSymbols = new(StringComparer.Ordinal);
    private decimal _equity;
    private decimal _net;
    private decimal _gross;
    private bool _marksChanged = true;

    public BacktestSimulation(BacktestInput input, IReadOnlyList<RiskRule> rules)
    {
        _input = input;
        _rules = rules;
        for (var i = 0; i < rules.Count; i++)
        {
            _ruleIndex[rules[i].Id] = i;
        }

        _monitorOptions = input.Monitor ?? MonitorOptions.Default;
        _longestRateWindowSeconds = rules
            .Where(r => r.IsActive && r.RuleType == RiskRuleType.OrderRateLimit && r.WindowSeconds is > 0)
            .Select(r => r.WindowSeconds!.Value)
            .DefaultIfEmpty(0)
            .Max();
        _usesCloses = rules.Any(r => r.IsActive && r.RuleType == RiskRuleType.MaxCorrelation);
        _usesSectors = _usesCloses || rules.Any(r => r.IsActive && r.RuleType == RiskRuleType.SectorLimit);
    }

    public BacktestRunResult Run(
        IReadOnlyList<DateOnly> days,
        Dictionary<DateOnly, List<(string Symbol, DailyBar Bar)>> dayBars,
        Dictionary<DateOnly, List<BacktestOrder>> ordersByDay)
    {
        var start = days.Count > 0 ? At(days[0], Backtester.OpenTime) : At(_input.From, Backtester.OpenTime);
        _account = PaperAccount.Open(_input.UserId, start, _input.StartingCash);
        _state = PortfolioState.Create(
            _input.UserId, _input.StartingCash, start, TradingDayConvention.CalendarInTimeZone(TradingDayConvention.NewYorkTimeZoneId));

        foreach (var day in days)
        {
            var bars = dayBars.TryGetValue(day, out var list) ? list : [];
            RunDay(day, bars, ordersByDay.TryGetValue(day, out var orders) ? orders : []);
        }

        return Summarise();
    }

    private void RunDay(DateOnly day, List<(string Symbol, DailyBar Bar)> bars, List<BacktestOrder> orders)
    {
        var openAt = At(day, Backtester.OpenTime);
        if (_usesSectors)
        {
            _marketData = _input.Market.AsOf(day, _usesCloses);
        }

        _quotes.Clear();
        foreach (var (symbol, bar) in bars)
        {
            _marks[symbol] = bar.Open;
            _quotes[symbol] = new QuoteSnapshot(bar.Open, bar.Open, bar.Open, openAt);
        }

        _marksChanged = true;
        Tick(day, BacktestTick.Open, openAt);

        foreach (var order in orders)
        {
            Place(order, openAt);
        }

        // Resting limit orders: filled at their limit when the day's range reaches it (in placement order; a quote at one order's
        // limit also fills the others it makes marketable, as a real quote would).
        var middayAt = At(day, Backtester.MiddayTime);
        foreach (var (order, _) in _resting)
        {
            if (!order.IsOpen || Find(bars, order.Symbol) is not { } bar || order.LimitPrice is not { } limit)
            {
                continue;
            }

            var reached = order.Side == OrderSide.Buy ? bar.Low <= limit : bar.High >= limit;
            if (reached && _account.ApplyQuote(MarketQuote.FromPrice(order.Symbol, limit, middayAt), middayAt).Count > 0)
            {
                _filledSymbols.Add(order.Symbol);
            }
        }

        foreach (var (order, outcome) in _resting)
        {
            if (order.Status == OrderStatus.Filled && _outcomes[outcome].Status != BacktestOrderStatus.Filled)
            {
                _outcomes[outcome] = _outcomes[outcome] with
                {
                    FilledQuantity = order.FilledQuantity,
                    FillPrice = order.AverageFillPrice,
                    Status = BacktestOrderStatus.Filled,
                };
            }
        }

        var closeAt = At(day, Backtester.CloseTime);
        foreach (var (symbol, bar) in bars)
        {
            _marks[symbol] = bar.Close;
        }

        _marksChanged = true;
        Tick(day, BacktestTick.Close, closeAt);

        foreach (var (order, outcome) in _resting)
        {
            if (order.IsOpen)
            {
                _outcomes[outcome] = _outcomes[outcome] with { Status = BacktestOrderStatus.Expired };
            }
        }

        _account.ExpireDayOrders(closeAt.AddTicks(1));
        _account.ClearDomainEvents();
        _state.ClearDomainEvents();
        _resting.Clear();

        Refresh();
        _curve.Add(new BacktestCurvePoint(day, _equity, 0m));
    }

    private void Place(BacktestOrder order, DateTime at)
    {
        var symbol = order.Symbol.Trim().ToUpperInvariant();
        Refresh();
        var reduces = ReducesExposure(symbol, order.Side, order.Quantity);
        if (_state.RefusalCode(reduces, isMonitorOrder: false, at) is { } refusal)
        {
            _outcomes.Add(new BacktestOrderOutcome(
                order, null, 0m, 0m, null, BacktestOrderStatus.Refused, refusal, _state.RefusalMessage(refusal), []));
            return;
        }

        var proposed = new ProposedOrder(symbol, order.Side, order.Quantity, order.Type, order.LimitPrice, order.StrategyId);
        var decision = RiskEngine.Evaluate(Snapshot(at), _rules, proposed, _evaluations);
        var breaches = new List<BacktestRuleHit>();
        foreach (var breach in decision.Breaches)
        {
            breaches.Add(new BacktestRuleHit(_ruleIndex[breach.Rule.Id], breach.Action, breach.Observed, breach.Limit, breach.Reason!));
        }

        if (decision.Outcome == RiskDecisionOutcome.Blocked)
        {
            _outcomes.Add(new BacktestOrderOutcome(
                order, decision.Outcome, 0m, 0m, null, BacktestOrderStatus.Blocked, decision.FailureCode, decision.FailureReason, breaches));
            return;
        }

        // The engine priced the order, so the symbol has a quote (its open) today.
        var open = _quotes[symbol].Last;
        var paper = _account.PlaceOrder(
            symbol, order.Side, decision.ApprovedQuantity, order.Type, order.LimitPrice, TimeInForce.Day, null,
            MarketQuote.FromPrice(symbol, open, at), at);
        _recentOrderTimes.Add(at);
        var filled = paper.Status == OrderStatus.Filled;
        _outcomes.Add(new BacktestOrderOutcome(
            order,
            decision.Outcome,
            decision.ApprovedQuantity,
            paper.FilledQuantity,
            paper.AverageFillPrice,
            filled ? BacktestOrderStatus.Filled : BacktestOrderStatus.Expired,
            null,
            null,
            breaches));
        if (paper.IsOpen)
        {
            _resting.Add((paper, _outcomes.Count - 1));
        }
        else
        {
            _filledSymbols.Add(paper.Symbol);
        }
    }

    /// <summary>Marks the state, lets the monitor decide, applies the decision and carries out its cancellations and liquidations.</summary>
    private void Tick(DateOnly day, BacktestTick tick, DateTime at)
    {
        Refresh();
        _state.Mark(_equity, at);
        if (_rules.Count == 0)
        {
            return;
        }

        var decision = PortfolioMonitor.Evaluate(Snapshot(at), _state, _rules, _openEpisodes, at, _monitorOptions);
        if (decision.IsEmpty)
        {
            return;
        }

        decision.Apply(_state, at);
        _openEpisodes.RemoveAll(e => !e.IsOpen);
        foreach (var opened in decision.Opened)
        {
            _openEpisodes.Add(opened.Episode);
        }

        var cancelled = new Dictionary<Guid, int>();
        foreach (var cancellation in decision.Cancellations)
        {
            var count = 0;
            foreach (var (order, outcome) in _resting)
            {
                if (order.IsOpen && (cancellation.Symbol is null || string.Equals(order.Symbol, cancellation.Symbol, StringComparison.OrdinalIgnoreCase)))
                {
                    _account.CancelOrder(order.Id, at);
                    _outcomes[outcome] = _outcomes[outcome] with { Status = BacktestOrderStatus.Cancelled };
                    count++;
                }
            }

            cancelled[cancellation.EpisodeId] = cancelled.GetValueOrDefault(cancellation.EpisodeId) + count;
        }

        var fills = new Dictionary<Guid, List<BacktestFill>>();
        foreach (var liquidation in decision.Liquidations)
        {
            var price = _marks.TryGetValue(liquidation.Symbol, out var mark)
                ? mark
                : _account.FindPosition(liquidation.Symbol)?.AverageEntryPrice ?? 0m;
            if (price <= 0m)
            {
                continue;
            }

            var order = _account.PlaceOrder(
                liquidation.Symbol, liquidation.Side, liquidation.Quantity, OrderType.Market, null, TimeInForce.Day, liquidation.ClientOrderId,
                MarketQuote.FromPrice(liquidation.Symbol, price, at), at);
            if (!fills.TryGetValue(liquidation.EpisodeId, out var list))
            {
                fills[liquidation.EpisodeId] = list = [];
            }

            list.Add(new BacktestFill(liquidation.Symbol, liquidation.Side, order.FilledQuantity, order.AverageFillPrice ?? price));
            _filledSymbols.Add(order.Symbol);
        }

        foreach (var opened in decision.Opened)
        {
            var episode = opened.Episode;
            _events.Add(new BacktestMonitorEvent(
                day,
                tick,
                _ruleIndex[opened.Rule.Id],
                episode.Symbol,
                opened.Rule.Action,
                episode.FirstObserved,
                episode.Limit,
                opened.Reason,
                cancelled.GetValueOrDefault(episode.Id),
                fills.TryGetValue(episode.Id, out var list) ? list : [],
                decision.Transition is { } transition && transition.EpisodeId == episode.Id ? transition.To : null));
        }
    }

    /// <summary>
    /// Brings the positions (at the current marks), their net and gross value and the equity up to date: rebuilt after the marks
    /// moved, otherwise only the symbols filled since (a fill changes one position, and a day has thousands of orders).
    /// </summary>
    private void Refresh()
    {
        if (_marksChanged)
        {
            // Refilled in place: no snapshot outlives the next refresh (the engine and the monitor keep none).
            _positions.Clear();
            _positionIndex.Clear();
            _net = 0m;
            _gross = 0m;
            foreach (var p in _account.Positions)
            {
                Add(p);
            }

            _marksChanged = false;
            _filledSymbols.Clear();
        }

        foreach (var symbol in _filledSymbols)
        {
            var position = _account.FindPosition(symbol);
            if (_positionIndex.TryGetValue(symbol, out var at))
            {
                var old = _positions[at];
                _net -= old.Quantity * old.MarketPrice;
                _gross -= Math.Abs(old.Quantity) * old.MarketPrice;
                if (position is null)
                {
                    // Flat: the last position takes its place.
                    var last = _positions.Count - 1;
                    if (at != last)
                    {
                        _positions[at] = _positions[last];
                        _positionIndex[_positions[at].Symbol] = at;
                    }

                    _positions.RemoveAt(last);
                    _positionIndex.Remove(symbol);
                }
                else
                {
                    _positions[at] = Snapshot(position);
                    _net += position.Quantity * _positions[at].MarketPrice;
                    _gross += Math.Abs(position.Quantity) * _positions[at].MarketPrice;
                }
            }
            else if (position is not null)
            {
                Add(position);
            }
        }

        _filledSymbols.Clear();
        _equity = _account.Cash + _net;
    }

    private void Add(PaperPosition position)
    {
        var snapshot = Snapshot(position);
        _positionIndex[snapshot.Symbol] = _positions.Count;
        _positions.Add(snapshot);
        _net += snapshot.Quantity * snapshot.MarketPrice;
        _gross += Math.Abs(snapshot.Quantity) * snapshot.MarketPrice;
    }

    private PositionSnapshot Snapshot(PaperPosition position) => new(
        position.Symbol,
        position.Quantity,
        position.AverageEntryPrice,
        _marks.TryGetValue(position.Symbol, out var mark) ? mark : position.AverageEntryPrice);

    private PortfolioSnapshot Snapshot(DateTime at)
    {
        if (_longestRateWindowSeconds > 0)
        {
            var from = at.AddSeconds(-_longestRateWindowSeconds);
            _recentOrderTimes.RemoveAll(t => t <= from);
        }
        else
        {
            _recentOrderTimes.Clear();
        }

        var open = new List<OpenOrderSnapshot>(_resting.Count);
        foreach (var (order, _) in _resting)
        {
            if (order.IsOpen)
            {
                open.Add(new OpenOrderSnapshot(order.Symbol, order.Side, order.RemainingQuantity, order.LimitPrice));
            }
        }

        return new PortfolioSnapshot
        {
            Equity = _equity,
            Cash = _account.Cash,
            BuyingPower = Math.Max(0m, _equity - _gross),
            DayStartEquity = _state.DayStartEquity,
            EquityHighWaterMark = _state.HighWaterMark,
            Positions = _positions,
            OpenOrders = open,
            Quotes = _quotes,
            RecentOrderTimes = _recentOrderTimes,
            Now = at,
            MaxQuoteAge = TimeSpan.FromDays(1),
            MarketData = _marketData,
        };
    }

    /// <summary>True when the order only shrinks the net position in its symbol (the same test as the order path's trading-state gate).</summary>
    private bool ReducesExposure(string symbol, OrderSide side, decimal quantity)
    {
        var position = _positionIndex.TryGetValue(symbol, out var at) ? _positions[at].Quantity : 0m;
        var shrinkable = Math.Max(0m, side == OrderSide.Sell ? position : -position);
        return shrinkable > 0m && quantity <= shrinkable;
    }

    private BacktestRunResult Summarise()
    {
        var curve = new List<BacktestCurvePoint>(_curve.Count);
        var peak = _input.StartingCash;
        var previous = _input.StartingCash;
        var maxDrawdown = 0m;
        BacktestDay? worst = null;
        foreach (var point in _curve)
        {
            var equity = Math.Round(point.Equity, MarketPrecision.MaxDecimals);
            peak = Math.Max(peak, equity);
            var drawdown = peak > 0m ? Math.Round((peak - equity) / peak * 100m, 6) : 0m;
            maxDrawdown = Math.Max(maxDrawdown, drawdown);
            curve.Add(new BacktestCurvePoint(point.Date, equity, drawdown));

            var pnl = equity - previous;
            if (worst is null || pnl < worst.Pnl)
            {
                worst = new BacktestDay(point.Date, pnl, previous != 0m ? Math.Round(pnl / previous * 100m, 6) : 0m);
            }

            previous = equity;
        }

        var final = curve.Count > 0 ? curve[^1].Equity : _input.StartingCash;
        return new BacktestRunResult([.. _outcomes.OrderBy(o => o.Order.Index)], _events, curve, final, maxDrawdown, worst, _state.TradingState);
    }

    private static DailyBar? Find(List<(string Symbol, DailyBar Bar)> bars, string symbol)
    {
        foreach (var (s, bar) in bars)
        {
            if (string.Equals(s, symbol, StringComparison.OrdinalIgnoreCase))
            {
                return bar;
            }
        }

        return null;
    }

    /// <summary>The UTC instant of <paramref name="time"/> New York time on <paramref name="day"/>.</summary>
    private static DateTime At(DateOnly day, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), NewYork.Value);
}
