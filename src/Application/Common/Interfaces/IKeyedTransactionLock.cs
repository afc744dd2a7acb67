namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// Serialises the commands that name the same key, inside the command's transaction (released at commit or rollback): a
/// check-then-insert across requests (count the recent failed sign-ins, then add one) becomes one step. The trading lock
/// (<see cref="ITradingLock"/>) is the same lock keyed by user.
/// </summary>
public interface IKeyedTransactionLock
{
    Task AcquireAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the locks of several keys, always in the same order whatever order they are given in (so two commands naming the same
    /// keys never wait on each other crosswise); one round trip where the database allows it. Taking a lock already held is a no-op.
    /// </summary>
    async Task AcquireAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            await AcquireAsync(key, cancellationToken);
        }
    }
}
