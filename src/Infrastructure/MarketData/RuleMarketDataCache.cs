using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.MarketData.Common;
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
/// The read side's kept daily closes and sectors, behind two ports: <see cref="IRuleMarketData"/> (the history rules) and
/// <see cref="IKeptDailyCloses"/> (the analytics). Per symbol, its closes before today's New York date from the start of the
/// longest window asked for (with, once a rule asks, a <see cref="DailyCloses"/> whose return series are computed once and kept),
/// the symbol's bar version they were read at, and its sector.
/// <para>
/// Every read of closes first reads the bar versions of the symbols asked for (<see cref="PriceBarVersions"/>, one small
/// statement): a kept symbol whose version moved since it was read (a bar written by any process: an import, a broker sync, a
/// quote of a past day) is read again, as is one missing, of another trading date, for a longer window, older than
/// <see cref="RiskCheckOptions.MarketDataCache"/> or invalidated here. The versions are read before the closes, so a write
/// committing in between leaves the closes kept under the older version: the next request reads them once more, never keeps
/// them stale. Sectors carry no version: they are kept until <see cref="RiskCheckOptions.MarketDataCache"/> pass or this node
/// changes them.
/// </para>
/// <para>
/// Reads use a DbContext of their own (a new scope, so its own connection and no transaction): never the caller's, so never
/// inside an order's transaction. Closes are read untracked and projected, in key order, one query per <see cref="SymbolsPerQuery"/>
/// missing symbols; sectors one query; only the versions while every symbol is kept and current.
/// </para>
/// <para>
/// Bounded: past <see cref="MarketDataOptions.KeptClosesLimit"/> closes the symbols used least recently are forgotten until a
/// tenth of the limit is free. An invalidation that lands while a read of the same symbol is in flight wins: what that read
/// found is returned to its caller but not kept (a counter per stripe of symbols is compared before and after).
/// </para>
/// </summary>
internal sealed class RuleMarketDataCache(
    IServiceScopeFactory scopes, IOptions<RiskCheckOptions> options, IOptions<MarketDataOptions> limits)
    : IRuleMarketData, IKeptDailyCloses
{
    /// <summary>Symbols per statement: one statement for a whole portfolio, well under SQL Server's 2,100 parameters.</summary>
    private const int SymbolsPerQuery = 1000;

    private const int Stripes = 64;

    private readonly ConcurrentDictionary<string, ClosesEntry> _closes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SectorEntry> _sectors = new(StringComparer.Ordinal);

    /// <summary>Bumped by every invalidation of a symbol of the stripe (<see cref="_everything"/>: of all symbols).</summary>
    private readonly long[] _invalidations = new long[Stripes];
    private readonly Lock _evicting = new();
    private long _everything;
    private long _keptCloses;
    private long _uses;

    /// <summary>The day arrays shared by the series of one trading date (most symbols trade on the same days).</summary>
    private (DateOnly AsOf, DayCalendars Calendars) _calendars = (default, new DayCalendars());

    /// <summary>How many closes are kept now, over all symbols.</summary>
    internal long KeptCloses => Interlocked.Read(ref _keptCloses);

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
            var calendars = CalendarsOf(today);
            foreach (var (symbol, entry) in await EntriesAsync(wanted, today, from, now, cancellationToken))
            {
                if (entry.SeriesFor(calendars) is { } series)
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

    public async Task<IReadOnlyDictionary<string, StoredCloses>> BeforeTodayAsync(
        IReadOnlyCollection<string> symbols, DateOnly from, DateTime now, CancellationToken cancellationToken)
    {
        var wanted = symbols.Select(s => s.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var closes = new Dictionary<string, StoredCloses>(StringComparer.Ordinal);
        foreach (var (symbol, entry) in await EntriesAsync(wanted, PriceBar.TradingDateOf(now), from, now, cancellationToken))
        {
            var window = entry.Closes.From(from);
            if (window.Count > 0)
            {
                closes[symbol] = window;
            }
        }

        return closes;
    }

    public void Invalidate(IReadOnlyCollection<string>? symbols)
    {
        // Counters first, then the entries: a read in flight either sees the counter moved (and keeps nothing) or kept its entry
        // before this removes it.
        if (symbols is null)
        {
            Interlocked.Increment(ref _everything);
            foreach (var key in _closes.Keys)
            {
                Forget(key);
            }

            _sectors.Clear();
            return;
        }

        foreach (var symbol in symbols)
        {
            var key = symbol.Trim().ToUpperInvariant();
            Interlocked.Increment(ref _invalidations[StripeOf(key)]);
            Forget(key);
            _sectors.TryRemove(key, out _);
        }
    }

    /// <summary>
    /// Each wanted symbol's entry covering dates from <paramref name="from"/> at its current bar version: kept ones, the rest read
    /// in one go. One scope (one connection) for the versions and the closes.
    /// </summary>
    private async Task<List<(string Symbol, ClosesEntry Entry)>> EntriesAsync(
        List<string> wanted, DateOnly today, DateOnly from, DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();

        // The versions before the closes: a writer committing between the two reads can only make the next request read again.
        var versions = await PriceBarVersions.ReadAsync(db, wanted, cancellationToken);
        var maxAge = options.Value.MarketDataCache;
        var found = new List<(string, ClosesEntry)>(wanted.Count);
        var missing = new List<string>();
        foreach (var symbol in wanted)
        {
            if (_closes.TryGetValue(symbol, out var entry)
                && entry.Covers(today, from, now, maxAge)
                && entry.Version == versions.GetValueOrDefault(symbol))
            {
                entry.LastUse = Interlocked.Increment(ref _uses);
                found.Add((symbol, entry));
            }
            else
            {
                missing.Add(symbol);
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        var before = missing.Select(InvalidationsOf).ToArray();
        var loaded = await ReadClosesAsync(db, missing, from, today.AddDays(-1), cancellationToken);
        for (var i = 0; i < missing.Count; i++)
        {
            var symbol = missing[i];
            var closes = loaded.GetValueOrDefault(symbol) ?? StoredCloses.Empty;
            var entry = new ClosesEntry(today, from, now, versions.GetValueOrDefault(symbol), closes)
            {
                LastUse = Interlocked.Increment(ref _uses),
            };
            found.Add((symbol, entry));
            Keep(symbol, entry);
            if (InvalidationsOf(symbol) != before[i])
            {
                // Invalidated while it was read: what was read may predate the write, so it is not kept.
                Forget(symbol, entry);
            }
        }

        EvictIfOverLimit();
        return found;
    }

    private long InvalidationsOf(string symbol) =>
        Interlocked.Read(ref _everything) + Interlocked.Read(ref _invalidations[StripeOf(symbol)]);

    private static int StripeOf(string symbol) => (int)((uint)StringComparer.Ordinal.GetHashCode(symbol) % Stripes);

    private void Keep(string symbol, ClosesEntry entry)
    {
        while (true)
        {
            if (_closes.TryGetValue(symbol, out var old))
            {
                if (_closes.TryUpdate(symbol, entry, old))
                {
                    Interlocked.Add(ref _keptCloses, entry.Size - old.Size);
                    return;
                }
            }
            else if (_closes.TryAdd(symbol, entry))
            {
                Interlocked.Add(ref _keptCloses, entry.Size);
                return;
            }
        }
    }

    private void Forget(string symbol)
    {
        if (_closes.TryRemove(symbol, out var old))
        {
            Interlocked.Add(ref _keptCloses, -old.Size);
        }
    }

    private void Forget(string symbol, ClosesEntry entry)
    {
        if (_closes.TryRemove(KeyValuePair.Create(symbol, entry)))
        {
            Interlocked.Add(ref _keptCloses, -entry.Size);
        }
    }

    /// <summary>Over the limit: forgets the symbols used least recently until a tenth of the limit is free.</summary>
    private void EvictIfOverLimit()
    {
        var limit = (long)limits.Value.KeptClosesLimit;
        if (KeptCloses <= limit)
        {
            return;
        }

        lock (_evicting)
        {
            var target = limit - (limit / 10);
            foreach (var (symbol, entry) in _closes.ToArray().OrderBy(p => p.Value.LastUse))
            {
                if (KeptCloses <= target)
                {
                    break;
                }

                Forget(symbol, entry);
            }
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

    /// <summary>The closes of each symbol from <paramref name="from"/> to <paramref name="to"/>, in key order: nothing is sorted here.</summary>
    private static async Task<Dictionary<string, StoredCloses>> ReadClosesAsync(
        RiskPlatformDbContext db, List<string> symbols, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var closes = new Dictionary<string, StoredCloses>(StringComparer.Ordinal);
        var dates = new List<DateOnly>();
        var prices = new List<decimal>();
        foreach (var chunk in symbols.Chunk(SymbolsPerQuery))
        {
            var rows = db.Set<PriceBar>().AsNoTracking()
                .Where(b => chunk.Contains(b.Symbol) && b.Date >= from && b.Date <= to)
                .OrderBy(b => b.Symbol).ThenBy(b => b.Date)
                .Select(b => new { b.Symbol, b.Date, b.Close })
                .AsAsyncEnumerable();
            string? current = null;
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                if (!string.Equals(row.Symbol, current, StringComparison.Ordinal))
                {
                    Flush();
                    current = row.Symbol;
                }

                dates.Add(row.Date);
                prices.Add(row.Close);
            }

            Flush();

            void Flush()
            {
                if (current is not null && dates.Count > 0)
                {
                    closes[current] = new StoredCloses([.. dates], [.. prices]);
                }

                dates.Clear();
                prices.Clear();
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

    /// <summary>
    /// One symbol's kept closes: from <see cref="From"/> to the day before <see cref="AsOf"/>, as read at <see cref="LoadedAt"/>
    /// when the symbol's bar version was <see cref="Version"/> (or later: the version is read first).
    /// </summary>
    private sealed class ClosesEntry
    {
        private DailyCloses? _series;
        private long _lastUse;

        public ClosesEntry(DateOnly asOf, DateOnly from, DateTime loadedAt, long version, StoredCloses closes)
        {
            AsOf = asOf;
            From = from;
            LoadedAt = loadedAt;
            Version = version;
            Closes = closes;
        }

        public DateOnly AsOf { get; }

        public DateOnly From { get; }

        public DateTime LoadedAt { get; }

        /// <summary>The symbol's bar version read just before the closes (0 when it had none).</summary>
        public long Version { get; }

        public StoredCloses Closes { get; }

        /// <summary>What keeping it costs, in closes.</summary>
        public long Size => Closes.Stored;

        /// <summary>When it was last used, on the cache's counter of uses (the least recently used goes first).</summary>
        public long LastUse
        {
            get => Interlocked.Read(ref _lastUse);
            set => Interlocked.Exchange(ref _lastUse, value);
        }

        public bool Covers(DateOnly today, DateOnly from, DateTime now, TimeSpan maxAge) =>
            AsOf == today && From <= from && now >= LoadedAt && now - LoadedAt < maxAge;

        /// <summary>The history rules' form of the closes (built on first use, then kept with the entry); null when there are none.</summary>
        public DailyCloses? SeriesFor(DayCalendars calendars)
        {
            if (Closes.Count == 0)
            {
                return null;
            }

            return Volatile.Read(ref _series)
                ?? Interlocked.CompareExchange(ref _series, new DailyCloses(Closes, calendars), null)
                ?? _series;
        }
    }

    private sealed record SectorEntry(string? Sector, DateTime LoadedAt)
    {
        public bool IsFresh(DateTime now, TimeSpan maxAge) => now >= LoadedAt && now - LoadedAt < maxAge;
    }
}
