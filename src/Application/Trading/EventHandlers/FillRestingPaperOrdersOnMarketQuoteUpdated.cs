using Microsoft.Extensions.Logging;
using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.MarketData.Events;

namespace RiskPlatform.Application.Trading.EventHandlers;

/// <summary>
/// The paper broker's matching: new quotes fill every resting paper order they cross, in every account with open orders in the
/// quoted symbols. Once the quotes have committed (so outside their transaction: on SQLite the writer, on PostgreSQL the
/// symbols' bar locks, are not held for it), those accounts are found in one query however many quotes the save set, and each
/// is filled on its own actor (<see cref="RestingOrderFills"/>), because the actor is the one writer of its account; the quote
/// is answered after the fills. An account is handed every quoted symbol; its fill finds the orders each one crosses.
/// </summary>
internal sealed partial class FillRestingPaperOrdersOnMarketQuoteUpdated(
    IPaperHolders paperHolders,
    RestingOrderFills fills,
    IAfterCommitActions afterCommit,
    ILogger<FillRestingPaperOrdersOnMarketQuoteUpdated> logger) : IDomainEventBatchHandler<MarketQuoteUpdated>
{
    public Task Handle(IReadOnlyList<MarketQuoteUpdated> domainEvents, CancellationToken cancellationToken)
    {
        var symbols = domainEvents.Select(e => e.Symbol).Distinct(StringComparer.Ordinal).ToList();
        afterCommit.Enqueue(token => FindOwnersAsync(symbols, token));
        return Task.CompletedTask;
    }

    /// <summary>Hands the owners to <see cref="RestingOrderFills"/>, which fills them in the next round of after-commit actions.</summary>
    private async Task FindOwnersAsync(IReadOnlyList<string> symbols, CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> owners;
        try
        {
            owners = await paperHolders.WithOpenOrdersAsync(symbols, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogOwnersNotFound(logger, string.Join(", ", symbols), exception);
            return;
        }

        foreach (var symbol in symbols)
        {
            fills.Add(owners, symbol);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The owners of resting paper orders in {Symbols} could not be found; the next quote fills them")]
    private static partial void LogOwnersNotFound(ILogger logger, string symbols, Exception exception);
}
