using RiskPlatform.Application.Common.Actors;
using System.Globalization;
using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Specifications;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.Trading.Paper;

namespace RiskPlatform.Application.Trading.Commands.FillRestingPaperOrders;

/// <summary>
/// Fills the account's resting paper orders that the latest quote of their symbol crosses, at that quote's time. The latest
/// quote wins: when several quotes arrived before the account's turn, the orders meet only the newest, as they would at a
/// broker that matched on the current price. Fills raise the usual events (the order mirrored, notifications, the monitor
/// queued) in the same save. An account with nothing to fill writes nothing and is not audited.
/// </summary>
internal sealed class FillRestingPaperOrdersCommandHandler(
    IRepository<PaperAccount> accounts,
    AccountChanges changes,
    IReadRepository<MarketQuote> quotes,
    ITradingLock tradingLock,
    AuditScope audit) : IRequestHandler<FillRestingPaperOrdersCommand, int>
{
    public async Task<int> Handle(FillRestingPaperOrdersCommand request, CancellationToken cancellationToken)
    {
        audit.ActAs(request.UserId);
        await tradingLock.AcquireAsync(request.UserId, cancellationToken);
        var account = await PaperAccountForChange.LoadAsync(changes, accounts, request.UserId, cancellationToken);
        var symbols = request.Symbols.Select(TradingSymbol.Normalize).Distinct(StringComparer.Ordinal).ToList();
        if (account is null || !account.Orders.Any(o => o.IsOpen && symbols.Contains(o.Symbol, StringComparer.Ordinal)))
        {
            audit.Target("paper_account", account?.Id).Describe("No resting paper order to fill").Unremarkable();
            return 0;
        }

        var filled = 0;
        foreach (var quote in await quotes.ListAsync(new MarketQuotesBySymbolsSpec(symbols), cancellationToken))
        {
            filled += account.ApplyQuote(quote, quote.UpdatedAt).Count;
        }

        audit.Target("paper_account", account.Id);
        if (filled == 0)
        {
            audit.Describe("No resting paper order crossed by the latest quotes").Unremarkable();
        }
        else
        {
            audit.Describe(string.Create(
                CultureInfo.InvariantCulture, $"Filled {filled} resting paper order(s) at the latest quote of {string.Join(", ", symbols)}"));
        }

        return filled;
    }
}
