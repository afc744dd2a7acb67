namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// Serialises the trading commands of one user inside the command's transaction (released at commit or rollback).
/// Two orders from the same user are then checked one after the other, each against the portfolio the other left:
/// together they can never exceed a limit that each alone respects, and neither loses a concurrency race. Other
/// check-then-insert limits of one user (the vault's key limit) take the same lock.
/// </summary>
public interface ITradingLock
{
    Task AcquireAsync(Guid userId, CancellationToken cancellationToken);
}
