using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Transactions;
using RiskPlatform.Application.Trading.Commands.FillRestingPaperOrders;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.Trading.EventHandlers;
using RiskPlatform.Domain.MarketData.Events;

namespace RiskPlatform.Application.UnitTests.Trading;

public sealed class FillRestingPaperOrdersOnMarketQuoteUpdatedTests
{
    private readonly IPaperHolders _paperHolders = Substitute.For<IPaperHolders>();
    private readonly IAccountActors _actors = Substitute.For<IAccountActors>();
    private readonly AfterCommitActions _afterCommit = new(NullLogger<AfterCommitActions>.Instance);

    [Fact]
    public async Task TheOwnersOfRestingOrders_AreFoundOnlyAfterTheQuotesCommitted_AndEachIsFilledOnItsActorWithEverySymbol()
    {
        var ann = Guid.NewGuid();
        _paperHolders.WithOpenOrdersAsync(Arg.Any<IReadOnlyCollection<string>>(), Arg.Any<CancellationToken>()).Returns([ann]);
        var handler = new FillRestingPaperOrdersOnMarketQuoteUpdated(
            _paperHolders,
            new RestingOrderFills(_afterCommit, _actors, NullLogger<RestingOrderFills>.Instance),
            _afterCommit,
            NullLogger<FillRestingPaperOrdersOnMarketQuoteUpdated>.Instance);
        var now = DateTime.UtcNow;

        await handler.Handle([new MarketQuoteUpdated("MSFT", 50m, 50m, null, now), new MarketQuoteUpdated("AAPL", 100m, 100m, null, now)], CancellationToken.None);

        Assert.Empty(_paperHolders.ReceivedCalls());
        await _afterCommit.RunAsync(TestContext.Current.CancellationToken);

        await _actors.Received(1).SendAsync(
            ann,
            Arg.Is<FillRestingPaperOrdersCommand>(c => c.UserId == ann && c.Symbols.SequenceEqual(new[] { "AAPL", "MSFT" })),
            Arg.Any<CancellationToken>());
    }
}
