namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// Serialises the commands that name the same key, inside the command's transaction (released at commit or rollback): a
/// check-then-insert across requests (count the recent failed sign-ins, then add one) becomes one step. The trading lock
/// (<see cref="ITradingLock"/>) is the same lock keyed by user.
/// </summary>
public interface IKeyedTransactionLock
{
    Task AcquireAsync(string key, CancellationToken cancellationToken);
}
