using RiskPlatform.Application.Portfolio.Common;

namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// Real-time delivery of an account's latest mark to its owner's open clients (the websocket channel). Called only after the
/// command that marked the account has committed (through <see cref="IAfterCommitActions"/>), never inside a transaction.
/// Implementations hand the push over and return at once; they must not throw for an absent or unreachable user.
/// </summary>
public interface IPortfolioMarkPusher
{
    Task PortfolioMarkedAsync(Guid userId, PortfolioMarkDto mark, CancellationToken ct);
}
