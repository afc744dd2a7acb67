namespace RiskPlatform.Application.Trading.Common;

/// <summary>
/// Owners of paper accounts with a stake in some symbols, found from the positions and open orders in those symbols (their
/// symbol indexes), never by reading every account: a quote costs in proportion to the accounts that hold or order its
/// symbols, however many other accounts the database has.
/// </summary>
public interface IPaperHolders
{
    /// <summary>Users whose paper account has a position or an open order (new or partially filled) in any of <paramref name="symbols"/>.</summary>
    Task<IReadOnlyList<Guid>> HoldingOrOrderingAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken);

    /// <summary>Users whose paper account has an open order (new or partially filled) in any of <paramref name="symbols"/>.</summary>
    Task<IReadOnlyList<Guid>> WithOpenOrdersAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken);
}
