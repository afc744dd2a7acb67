namespace RiskPlatform.Application.MarketData.Common;

/// <summary>
/// A version per symbol (<c>price_bar_versions</c>) that every writer of the symbol's daily bars before today's New York date
/// advances inside its own transaction. A process keeping closes in memory (<see cref="IKeptDailyCloses"/>) reads the versions
/// of the symbols it serves once per request and reads again those whose version moved, whichever process wrote them.
/// </summary>
public interface IPriceBarVersions
{
    /// <summary>
    /// Adds one to the version of each symbol (a symbol without a row is at version 0 and gets 1), atomically in the database
    /// (one statement per batch of symbols, so concurrent writers never lose an increment), inside the running command's
    /// transaction: the versions move exactly when the bars they describe commit. Symbols are normalised (upper-case).
    /// </summary>
    /// <exception cref="InvalidOperationException">Called outside a command's transaction.</exception>
    Task AdvanceAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken);
}
