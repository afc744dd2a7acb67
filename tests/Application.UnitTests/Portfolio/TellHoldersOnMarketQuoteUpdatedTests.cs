using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Transactions;
using RiskPlatform.Application.Portfolio.EventHandlers;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.MarketData.Events;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.UnitTests.Portfolio;

public sealed class TellHoldersOnMarketQuoteUpdatedTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 12, 7, 15, 0, 0, DateTimeKind.Utc);
    private readonly IPaperHolders _paperHolders = Substitute.For<IPaperHolders>();
    private readonly IReadRepository<Order> _orders = Substitute.For<IReadRepository<Order>>();
    private readonly IReadRepository<RiskRule> _rules = Substitute.For<IReadRepository<RiskRule>>();
    private readonly IReadRepository<PortfolioState> _states = Substitute.For<IReadRepository<PortfolioState>>();
    private readonly IAccountActors _actors = Substitute.For<IAccountActors>();
    private readonly AfterCommitActions _afterCommit = new(NullLogger<AfterCommitActions>.Instance);
    private readonly MonitorQueue _queue = new(Options.Create(new MonitoringOptions()));
    private readonly TellHoldersOnMarketQuoteUpdated _handler;

    public TellHoldersOnMarketQuoteUpdatedTests()
    {
        _handler = new TellHoldersOnMarketQuoteUpdated(
            _paperHolders, _orders, _rules, _states, _afterCommit, _actors, _queue, NullLogger<TellHoldersOnMarketQuoteUpdated>.Instance);
        _orders.ListAsync(Arg.Any<UsersWithOpenOrdersInSymbolsSpec>(), Arg.Any<CancellationToken>()).Returns([]);
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheHolders_AreFoundAndTold_OnlyAfterTheQuotesCommitted_WithTheLastQuoteOfEachSymbol()
    {
        var ann = Guid.NewGuid();
        _paperHolders.HoldingOrOrderingAsync(Arg.Any<IReadOnlyCollection<string>>(), Arg.Any<CancellationToken>()).Returns([ann]);

        await _handler.Handle([Quote("AAPL", 100m), Quote("MSFT", 50m), Quote("AAPL", 101m)], Cancellation);

        Assert.Empty(_paperHolders.ReceivedCalls());
        Assert.Empty(_orders.ReceivedCalls());
        Assert.Empty(_actors.ReceivedCalls());

        await _afterCommit.RunAsync(Cancellation);

        await _paperHolders.Received(1).HoldingOrOrderingAsync(
            Arg.Is<IReadOnlyCollection<string>>(s => s.SequenceEqual(new[] { "AAPL", "MSFT" })), Arg.Any<CancellationToken>());
        await _actors.Received(1).QuotesChangedAsync(
            ann,
            Arg.Is<IReadOnlyList<QuoteMark>>(q => q.Count == 2 && q[0].Symbol == "AAPL" && q[0].Price == 101m && q[1].Symbol == "MSFT"),
            Arg.Any<CancellationToken>());
        Assert.Equal(0, _queue.Count);
    }

    [Fact]
    public async Task OwnersOfOtherOpenOrdersThatTheMonitorWatches_AreQueued_AndAHolderWhoseActorCannotBeTold()
    {
        var (paper, unreachable, external, unwatched) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        _paperHolders.HoldingOrOrderingAsync(Arg.Any<IReadOnlyCollection<string>>(), Arg.Any<CancellationToken>()).Returns([paper, unreachable]);
        _orders.ListAsync(Arg.Any<UsersWithOpenOrdersInSymbolsSpec>(), Arg.Any<CancellationToken>()).Returns([paper, external, unwatched]);
        _states.ListAsync(Arg.Any<UsersWithPortfolioStateSpec>(), Arg.Any<CancellationToken>()).Returns([external]);
        _rules.ListAsync(Arg.Any<UsersWithMonitoredRulesSpec>(), Arg.Any<CancellationToken>()).Returns([]);
        _actors.QuotesChangedAsync(unreachable, Arg.Any<IReadOnlyList<QuoteMark>>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new ServiceUnavailableException("account_unavailable", "The trading account could not be reached; try again."));

        await _handler.Handle([Quote("AAPL", 100m)], Cancellation);
        await _afterCommit.RunAsync(Cancellation);

        var queued = new HashSet<Guid>();
        while (_queue.Count > 0)
        {
            queued.Add(await _queue.DequeueAsync(Cancellation));
        }

        Assert.Equal(new[] { external, unreachable }.Order(), queued.Order());
        await _actors.Received(1).QuotesChangedAsync(paper, Arg.Any<IReadOnlyList<QuoteMark>>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HoldersThatCannotBeFound_AreLoggedAndSkipped_NeverFailingTheCommittedQuote()
    {
        _paperHolders.HoldingOrOrderingAsync(Arg.Any<IReadOnlyCollection<string>>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new InvalidOperationException("the database went away"));

        await _handler.Handle([Quote("AAPL", 100m)], Cancellation);
        await _afterCommit.RunAsync(Cancellation);

        Assert.Empty(_actors.ReceivedCalls());
    }

    private static MarketQuoteUpdated Quote(string symbol, decimal price) => new(symbol, price, price, price, Now);

    public void Dispose() => _queue.Dispose();
}
