using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.Trading.Paper;

namespace RiskPlatform.Application.Common.Actors;

/// <summary>
/// What one account's actor remembers of its account between the calls it answers: parts such as the active rules, the paper
/// account and the broker binding, as the database held them when a call loaded them. Every writer of those rows runs on the
/// actor, so the actor knows when they change: when a command ends (committed or failed), before the actor answers it, every
/// part is dropped except those the command declares it leaves unchanged (<see cref="LeavesUnchangedAttribute"/>), and a part
/// whose load began before that is answered but not kept (a generation counter). A read that starts after a command was
/// answered therefore never sees less than that command wrote. A read running beside a command may see the account before or
/// after that command's commit, as it would reading the database. Rows changed outside the service must be followed by
/// <see cref="Forget"/> (<c>IAccountActors.ForgetAsync</c>). Values are shared by concurrent calls and must never be changed.
/// A command that changes a part works on a copy and, once committed, hands the actor a copy of what it left
/// (<see cref="AccountChanges"/>, <see cref="KeepWhenCommandEnds"/>): that is kept in place of the dropped part, so the next
/// command reads nothing it committed (docs/decisions/037).
/// Quotes are the one kind of row the account's commands do not write: the actor remembers those of its held symbols for reads,
/// and every quote's commit pushes the new ones to each holder's actor (<see cref="QuotesChanged"/>) before it is answered.
/// </summary>
public sealed class AccountMemory(Guid accountUserId, TimeProvider? clock = null)
{
    /// <summary>
    /// How long a remembered quote answers without a push refreshing it. Pushes keep held symbols current; this bounds how stale
    /// a quote can be in the one case a push cannot reach it (a position committed while a quote's save ran beside it, after
    /// that save looked for holders).
    /// </summary>
    public static readonly TimeSpan QuoteLifetime = TimeSpan.FromSeconds(1);

    private static readonly ConcurrentDictionary<Type, FrozenSet<string>> LeftUnchanged = new();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, object?> _parts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (QuoteMark Quote, long RefreshedAt)> _quotes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object?> _keptByCommand = new(StringComparer.Ordinal);
    private long _generation;
    private long _quoteGeneration;

    public Guid AccountUserId { get; } = accountUserId;

    /// <summary>How many parts are remembered now (for tests and diagnostics; the quotes count as one part).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _parts.Count + (_quotes.Count > 0 ? 1 : 0);
            }
        }
    }

    /// <summary>
    /// The remembered <paramref name="part"/>, or <paramref name="load"/>'s answer, kept for the next read when no command ended
    /// and nothing was forgotten while it loaded (and <paramref name="keep"/>, when given, accepts it).
    /// </summary>
    public async Task<T> RecallAsync<T>(
        string part, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken, Func<T, bool>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(load);
        long generation;
        lock (_gate)
        {
            if (_parts.TryGetValue(part, out var remembered))
            {
                return (T)remembered!;
            }

            generation = _generation;
        }

        var loaded = await load(cancellationToken);
        lock (_gate)
        {
            if (_generation == generation && (keep is null || keep(loaded)))
            {
                _parts[part] = loaded;
            }
        }

        return loaded;
    }

    /// <summary>
    /// The remembered <paramref name="part"/> (which may be a remembered null: no such row), without loading anything: for a
    /// command that changes the part, which copies it (<see cref="AccountChanges"/>).
    /// </summary>
    public bool TryRecall<T>(string part, out T? value)
        where T : class
    {
        lock (_gate)
        {
            if (_parts.TryGetValue(part, out var remembered))
            {
                value = (T?)remembered;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>
    /// The running command has committed and left <paramref name="part"/> as <paramref name="value"/> (a copy no one else holds,
    /// or null: no such row): kept when the command ends, in place of what was remembered before. Forgetting drops it.
    /// </summary>
    public void KeepWhenCommandEnds(string part, object? value)
    {
        lock (_gate)
        {
            _keptByCommand[part] = value;
        }
    }

    /// <summary>
    /// The quotes of <paramref name="symbols"/> (the account's held symbols): those remembered and refreshed within
    /// <see cref="QuoteLifetime"/>, the rest from <paramref name="load"/>, kept when no command ended, nothing was forgotten and
    /// no quote was pushed while they loaded. A symbol without a quote is absent from the answer.
    /// </summary>
    public async Task<IReadOnlyList<QuoteMark>> RecallQuotesAsync(
        IReadOnlyCollection<string> symbols,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<QuoteMark>>> load,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(load);
        var answer = new List<QuoteMark>(symbols.Count);
        var missing = new List<string>();
        long generation;
        long quoteGeneration;
        lock (_gate)
        {
            var now = _clock.GetTimestamp();
            foreach (var symbol in symbols)
            {
                if (_quotes.TryGetValue(symbol, out var remembered) && _clock.GetElapsedTime(remembered.RefreshedAt, now) <= QuoteLifetime)
                {
                    answer.Add(remembered.Quote);
                }
                else
                {
                    missing.Add(symbol);
                }
            }

            generation = _generation;
            quoteGeneration = _quoteGeneration;
        }

        if (missing.Count == 0)
        {
            return answer;
        }

        var loaded = await load(missing, cancellationToken);
        lock (_gate)
        {
            if (_generation == generation && _quoteGeneration == quoteGeneration)
            {
                var now = _clock.GetTimestamp();
                foreach (var quote in loaded)
                {
                    _quotes[quote.Symbol] = (quote, now);
                }
            }
        }

        answer.AddRange(loaded);
        return answer;
    }

    /// <summary>
    /// New quotes have committed: each remembered one is replaced by its newer quote (and refreshed), and a load of quotes
    /// still on its way is not kept, since it may have read the database before this commit.
    /// </summary>
    public void QuotesChanged(IReadOnlyList<QuoteMark> quotes)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        lock (_gate)
        {
            _quoteGeneration++;
            var now = _clock.GetTimestamp();
            foreach (var quote in quotes)
            {
                if (_quotes.TryGetValue(quote.Symbol, out var remembered) && remembered.Quote.UpdatedAt <= quote.UpdatedAt)
                {
                    _quotes[quote.Symbol] = (quote, now);
                }
            }
        }
    }

    /// <summary>The parts a command of <paramref name="commandType"/> declares it never changes (none unless it says so).</summary>
    public static FrozenSet<string> PartsLeftUnchangedBy(Type? commandType) =>
        commandType is null
            ? FrozenSet<string>.Empty
            : LeftUnchanged.GetOrAdd(
                commandType,
                type => (type.GetCustomAttribute<LeavesUnchangedAttribute>()?.Parts ?? []).ToFrozenSet(StringComparer.Ordinal));

    /// <summary>
    /// A command on the account has committed or failed (and is not answered yet): what was loaded before is dropped, but for
    /// the parts the command left unchanged.
    /// </summary>
    public void CommandEnded(IReadOnlySet<string> leftUnchanged)
    {
        ArgumentNullException.ThrowIfNull(leftUnchanged);
        lock (_gate)
        {
            _generation++;

            // A command may open or close positions: the symbols that quotes are pushed for change with them.
            _quotes.Clear();
            foreach (var part in _parts.Keys.Where(part => !leftUnchanged.Contains(part) && !AccountMemoryPart.IsForgottenAtCommit(part)).ToList())
            {
                _parts.Remove(part);
            }

            // What the command committed and handed over is as the database now holds it.
            foreach (var (part, value) in _keptByCommand)
            {
                _parts[part] = value;
            }

            _keptByCommand.Clear();
        }
    }

    /// <summary>Drops everything: the account's rows were changed outside the service.</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _generation++;
            _parts.Clear();
            _quotes.Clear();
            _keptByCommand.Clear();
        }
    }
}

/// <summary>The names of the parts an <see cref="AccountMemory"/> keeps, one per kind of row set.</summary>
public static class AccountMemoryPart
{
    /// <summary>
    /// The account's active risk rules (untracked entities). Their breach counts are not kept current (the counter updates the
    /// rows in SQL): nothing answered from memory may show them.
    /// </summary>
    public const string ActiveRules = "active-rules";

    /// <summary>The paper broker's account with its positions and open orders (untracked), or none yet.</summary>
    public const string PaperAccount = "paper-account";

    /// <summary>
    /// The account's open orders (new, partially filled, awaiting the broker; untracked), oldest first, when there are fewer
    /// than <c>OpenOrderRefresh.MaxOrders</c> of them: kept by orders, dropped by every other command.
    /// </summary>
    public const string OpenOrders = "open-orders";

    /// <summary>The stored portfolio state (untracked; a read marks a copy of it), or none yet.</summary>
    public const string PortfolioState = "portfolio-state";

    /// <summary>The account's open breach episodes (untracked), which the monitor's screen judges against.</summary>
    public const string OpenBreachEpisodes = "open-breach-episodes";

    /// <summary>Whether the account has monitor actions waiting for execution (or their retry).</summary>
    public const string PendingMonitorActions = "pending-monitor-actions";

    /// <summary>The broker binding when it routes to the paper broker.</summary>
    public const string PaperBinding = "paper-binding";

    /// <summary>
    /// Where the user's notifications go: preferences, account address, webhook endpoints, browsers, verified contact points.
    /// Its rows are changed by the user's settings and the delivery workers, not by the account's commands, so a command's end
    /// does not drop it: every save that changes one of them makes the actor forget once it has committed.
    /// </summary>
    public const string NotificationRouting = "notification-routing";

    /// <summary>
    /// True for the parts dropped by the commit that changes their rows (wherever it runs), not by a command's end: every
    /// command may recall them.
    /// </summary>
    public static bool IsForgottenAtCommit(string part) => part == NotificationRouting;
}
