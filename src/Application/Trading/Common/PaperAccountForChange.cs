using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.Trading.Paper;

namespace RiskPlatform.Application.Trading.Common;

/// <summary>
/// The user's paper account, tracked, for a command to change: on the account's actor a copy of the one it remembers, which the
/// actor keeps once the command has committed (<see cref="AccountChanges"/>, docs/decisions/037); null when the user has none.
/// </summary>
public static class PaperAccountForChange
{
    public static Task<PaperAccount?> LoadAsync(
        AccountChanges changes, IRepository<PaperAccount> accounts, Guid userId, CancellationToken cancellationToken) =>
        changes.LoadAsync(userId, AccountMemoryPart.PaperAccount, accounts, new PaperAccountForUserSpec(userId), a => a.Copy(), cancellationToken);

    /// <summary>Hands the account a command opened to the actor once the command has committed.</summary>
    public static void Opened(AccountChanges changes, IRepository<PaperAccount> accounts, PaperAccount account) =>
        changes.Keep(account.UserId, AccountMemoryPart.PaperAccount, account, a => a.Copy(), accounts.IsSaved);
}
