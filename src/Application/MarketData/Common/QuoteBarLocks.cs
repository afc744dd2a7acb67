using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Application.MarketData.Common;

/// <summary>
/// The transaction-scoped lock under which a quote is rolled into its symbol's daily bar. Without it, two concurrent quotes of
/// one symbol (on PostgreSQL or SQL Server, where writers run side by side; SQLite serialises them already) both read the bar
/// before either writes: both insert the day's first bar (a unique violation) or both update it from the same reading (one
/// quote's high or low lost). The quote commands take the locks of all their symbols first, in one fixed order (one round trip
/// on PostgreSQL), so that two batches naming the same symbols never wait on each other in opposite orders. A new command that
/// changes quotes must take them too.
/// </summary>
public static class QuoteBarLocks
{
    public static string KeyOf(string symbol) => $"quote-bar:{symbol.Trim().ToUpperInvariant()}";

    public static async Task AcquireAsync(IKeyedTransactionLock locks, IEnumerable<string> symbols, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(locks);
        string[] keys = [.. symbols.Select(KeyOf).Distinct(StringComparer.Ordinal)];
        if (keys.Length == 1)
        {
            await locks.AcquireAsync(keys[0], cancellationToken);
        }
        else if (keys.Length > 1)
        {
            await locks.AcquireAsync(keys, cancellationToken);
        }
    }
}
