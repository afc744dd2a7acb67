using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.Analytics;
using RiskPlatform.Domain.MarketData.History;
using RiskPlatform.Domain.MarketData.Reference;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Infrastructure.MarketData;

/// <summary>
/// <see cref="IRuleMarketData"/>: per symbol, its closes before today's New York date as a <see cref="DailyCloses"/> (whose
/// return series are computed once and kept) and its sector, read when missing, stale (another trading date, a longer lookback,
/// or older than <see cref="RiskCheckOptions.MarketDataCache"/>) or invalidated. Reads use a DbContext of their own (a new scope,
/// so its own connection and no transaction): never the caller's, so never inside an order's transaction. One query per 100
/// missing symbols for closes, one for sectors; nothing at all while every symbol is kept.
/// </summary>
internal sealed class RuleMarketDataCache(IServiceScopeFactory scopes, IOptions<RiskCheckOptions> options) : IRuleMarketData
{
    private const int SymbolsPerQuery = 100;

    private readonly ConcurrentDictionary<string, ClosesEntry> _closes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SectorEntry> _sectors = new(StringComparer.Ordinal);

    /// <summary>The day arrays shared by the series of one trading date (most symbols trade on the same days).</summary>
    private (DateOnly AsOf, DayCalendars Calendars) _calendars = (default, new DayCalendars());

    public async Task<RuleMarketData> LoadAsync(
        IReadOnlyList<RiskRule> rules, IReadOnlyCollection<string> symbols, DateTime now, CancellationToken cancellationToken)
    {
        var lookback = 0;
        var sectorsNeeded = false;
        foreach (var rule in rules)
        {
            if (!rule.IsActive)
            {
                continue;
            }

            if (rule.RuleType == RiskRuleType.MaxCorrelation)
            {
                lookback = Math.Max(lookback, rule.EffectiveLookbackDays);
            }

            sectorsNeeded |= rule.RuleType is RiskRuleType.SectorLimit or RiskRuleType.MaxCorrelation;
        }

        if (!sectorsNeeded || symbols.Count == 0)
        {
            return RuleMarketData.Empty;
        }

        var wanted = symbols.Select(s => s.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var today = PriceBar.TradingDateOf(now);
        var maxAge = options.Value.MarketDataCache;
        var closes = new Dictionary<string, DailyCloses>(StringComparer.Ordinal);
        if (lookback > 0)
        {
            // Trading days are about 5 of 7 calendar days, less holidays: this range holds the window with room to spare.
            var from = today.AddDays(-(((lookback + 1) * 7 / 5) + 15));
            var missing = wanted.Where(s => !(_closes.TryGetValue(s, out var e) && e.Covers(today, from, now, maxAge))).ToList();
            if (missing.Count > 0)
            {
                var loaded = await ReadClosesAsync(missing, from, today.AddDays(-1), cancellationToken);
                var calendars = CalendarsOf(today);
                foreach (var symbol in missing)
                {
                    _closes[symbol] = new ClosesEntry(
                        today, from, now, loaded.TryGetValue(symbol, out var series) ? new DailyCloses(series, calendars) : null);
                }
            }

            foreach (var symbol in wanted)
            {
                if (_closes.TryGetValue(symbol, out var entry) && entry.Closes is { } series)
                {
                    closes[symbol] = series;
                }
            }
        }

        var missingSectors = wanted.Where(s => !(_sectors.TryGetValue(s, out var e) && e.IsFresh(now, maxAge))).ToList();
        if (missingSectors.Count > 0)
        {
            var loaded = await ReadSectorsAsync(missingSectors, cancellationToken);
            foreach (var symbol in missingSectors)
            {
                _sectors[symbol] = new SectorEntry(loaded.GetValueOrDefault(symbol), now);
            }
        }

        var sectors = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var symbol in wanted)
        {
            sectors[symbol] = _sectors.TryGetValue(symbol, out var entry) ? entry.Sector : null;
        }

        return new RuleMarketData(closes, sectors);
    }

    public void Invalidate(IReadOnlyCollection<string>? symbols)
    {
        if (symbols is null)
        {
            _closes.Clear();
            _sectors.Clear();
            return;
        }

        foreach (var symbol in symbols)
        {
            var key = symbol.Trim().ToUpperInvariant();
            _closes.TryRemove(key, out _);
            _sectors.TryRemove(key, out _);
        }
    }

    private DayCalendars CalendarsOf(DateOnly today)
    {
        var current = _calendars;
        if (current.AsOf == today)
        {
            return current.Calendars;
        }

        var fresh = (today, new DayCalendars());
        _calendars = fresh;
        return fresh.Item2;
    }

    private async Task<Dictionary<string, List<(DateOnly Date, decimal Close)>>> ReadClosesAsync(
        List<string> symbols, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        var closes = new Dictionary<string, List<(DateOnly, decimal)>>(StringComparer.Ordinal);
        foreach (var chunk in symbols.Chunk(SymbolsPerQuery))
        {
            var rows = await db.Set<PriceBar>().AsNoTracking()
                .Where(b => chunk.Contains(b.Symbol) && b.Date >= from && b.Date <= to)
                .Select(b => new { b.Symbol, b.Date, b.Close })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                if (!closes.TryGetValue(row.Symbol, out var list))
                {
                    closes[row.Symbol] = list = [];
                }

                list.Add((row.Date, row.Close));
            }
        }

        return closes;
    }

    private async Task<Dictionary<string, string?>> ReadSectorsAsync(List<string> symbols, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        var sectors = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var chunk in symbols.Chunk(SymbolsPerQuery))
        {
            var rows = await db.Set<SymbolReference>().AsNoTracking()
                .Where(r => chunk.Contains(r.Symbol))
                .Select(r => new { r.Symbol, r.Sector })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                sectors[row.Symbol] = row.Sector;
            }
        }

        return sectors;
    }

    private sealed record ClosesEntry(DateOnly AsOf, DateOnly From, DateTime LoadedAt, DailyCloses? Closes)
    {
        public bool Covers(DateOnly today, DateOnly from, DateTime now, TimeSpan maxAge) =>
            AsOf == today && From <= from && now >= LoadedAt && now - LoadedAt < maxAge;
    }

    private sealed record SectorEntry(string? Sector, DateTime LoadedAt)
    {
        public bool IsFresh(DateTime now, TimeSpan maxAge) => now >= LoadedAt && now - LoadedAt < maxAge;
    }
}
