using MediatR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Common;
using RiskPlatform.Application.MarketData.Specifications;
using RiskPlatform.Domain.Analytics;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.MarketData.History;
using RiskPlatform.Domain.MarketData.Reference;

namespace RiskPlatform.Application.Portfolio.Queries.GetPortfolioAnalytics;

/// <summary>
/// Reads the account and positions from the bound broker, the closes of the held symbols and the benchmark over a calendar
/// range wide enough for the window (the days before today from the kept closes, today's bar, which quotes move all day, from
/// the table), and the held symbols' sectors; the Domain computes the rest, from closes in any order. No transaction is opened.
/// </summary>
internal sealed class GetPortfolioAnalyticsQueryHandler(
    IBrokerGateway broker,
    IKeptDailyCloses keptCloses,
    IReadRepository<PriceBar> bars,
    IReadRepository<SymbolReference> references,
    ICurrentUser currentUser,
    TimeProvider timeProvider) : IRequestHandler<GetPortfolioAnalyticsQuery, PortfolioAnalyticsDto>
{
    private const string VolatilityMethod = "sample standard deviation of daily simple returns × √252";

    private const string VarMethod = "1-day, current market values held fixed; historical: k-th worst P&L of the common days, "
        + "k = ⌈(1 − c)·n⌉, CVaR the mean of the k worst; parametric: normal, z·σ − μ and σ·φ(z)/(1 − c) − μ of the same P&L";

    public async Task<PortfolioAnalyticsDto> Handle(GetPortfolioAnalyticsQuery request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var benchmark = TradingSymbol.Normalize(request.Benchmark ?? GetPortfolioAnalyticsQueryValidator.DefaultBenchmark);
        var lookback = request.LookbackDays ?? GetPortfolioAnalyticsQueryValidator.DefaultLookbackDays;
        var now = timeProvider.GetUtcNow().UtcDateTime;

        var account = await broker.GetAccountAsync(userId, cancellationToken);
        var held = (await broker.GetPositionsAsync(userId, cancellationToken)).Where(p => p.Quantity != 0m).ToList();
        var symbols = held.Select(p => p.Symbol).Append(benchmark).Distinct(StringComparer.Ordinal).ToList();

        // Trading days are about 5 of 7 calendar days, less holidays: this range holds the window with room to spare.
        var to = PriceBar.TradingDateOf(now);
        var from = to.AddDays(-((lookback + 1) * 7 / 5) - 15);
        var kept = await keptCloses.BeforeTodayAsync(symbols, from, now, cancellationToken);
        var todays = (await bars.ListAsync(new PriceClosesOfSymbolsBetweenSpec(symbols, to, to), cancellationToken))
            .ToDictionary(c => c.Symbol, c => c.Close, StringComparer.Ordinal);
        var closes = new Dictionary<string, IReadOnlyList<(DateOnly Date, decimal Close)>>(StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            var before = kept.GetValueOrDefault(symbol);
            if (todays.TryGetValue(symbol, out var close))
            {
                closes[symbol] = (before ?? StoredCloses.Empty).Append(to, close);
            }
            else if (before is not null)
            {
                closes[symbol] = before;
            }
        }

        var sectors = (await references.ListAsync(new SymbolReferencesBySymbolsSpec([.. held.Select(p => p.Symbol)]), cancellationToken))
            .ToDictionary(r => r.Symbol, r => r.Sector, StringComparer.Ordinal);

        var positions = held
            .Select(p => new AnalyticsPosition(p.Symbol, p.Quantity, p.Quantity * p.MarketPrice, sectors.GetValueOrDefault(p.Symbol)))
            .ToList();
        var result = PortfolioAnalytics.Compute(new PortfolioAnalyticsInput(positions, account.Equity, benchmark, lookback, closes));
        var inputs = new AnalyticsInputsDto(
            benchmark,
            lookback,
            PortfolioAnalytics.MinimumReturns,
            account.Equity,
            "stored daily closes (price_bars)",
            result.CommonReturns,
            result.FirstReturnDate,
            result.LastReturnDate,
            VolatilityMethod,
            VarMethod,
            result.InsufficientReason);
        return PortfolioAnalyticsDto.From(result, inputs, now);
    }
}
