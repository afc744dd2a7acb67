using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Domain.MarketData.Events;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Application.MarketData.EventHandlers;

/// <summary>
/// The kept closes (<see cref="IRuleMarketData"/>, <see cref="Common.IKeptDailyCloses"/>) hold the days before today only, and
/// quotes roll into the bar of their own New York date (<see cref="RollQuoteIntoBarsOnMarketQuoteUpdated"/>), so a quote's bar
/// is normally today's and nothing kept changes. A quote whose date is already past when its save commits (one taken just
/// before New York midnight, committed after it) changed a kept day: its symbols are forgotten once the save commits.
/// </summary>
internal sealed class ForgetKeptClosesOnMarketQuoteUpdated(
    IRuleMarketData marketData, IAfterCommitActions afterCommit, TimeProvider timeProvider)
    : IDomainEventBatchHandler<MarketQuoteUpdated>
{
    public Task Handle(IReadOnlyList<MarketQuoteUpdated> domainEvents, CancellationToken cancellationToken)
    {
        var earliest = domainEvents.Min(e => e.OccurredAt);
        afterCommit.Enqueue(_ =>
        {
            var today = PriceBar.TradingDateOf(timeProvider.GetUtcNow().UtcDateTime);
            if (PriceBar.TradingDateOf(earliest) < today)
            {
                marketData.Invalidate([.. domainEvents.Where(e => PriceBar.TradingDateOf(e.OccurredAt) < today).Select(e => e.Symbol).Distinct(StringComparer.Ordinal)]);
            }

            return Task.CompletedTask;
        });
        return Task.CompletedTask;
    }
}
