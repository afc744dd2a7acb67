using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Transactions;
using RiskPlatform.Application.Trading.Commands.FillRestingPaperOrders;
using RiskPlatform.Application.Trading.Common;

namespace RiskPlatform.Application.UnitTests.Trading;

public sealed class RestingOrderFillsTests
{
    private readonly IAccountActors _actors = Substitute.For<IAccountActors>();
    private readonly AfterCommitActions _afterCommit = new(NullLogger<AfterCommitActions>.Instance);

    private RestingOrderFills NewFills() => new(_afterCommit, _actors, NullLogger<RestingOrderFills>.Instance);

    [Fact]
    public async Task AfterTheCommit_EachAccountGetsOneFillCommandOnItsOwnActor_WithEverySymbolOfTheBatchOnce()
    {
        var ann = Guid.NewGuid();
        var bob = Guid.NewGuid();
        var fills = NewFills();

        fills.Add([ann, bob], "AAPL");
        fills.Add([ann], "MSFT");
        fills.Add([ann], "AAPL");
        Assert.Empty(_actors.ReceivedCalls());
        Assert.Equal(1, _afterCommit.Count);
        await _afterCommit.RunAsync(TestContext.Current.CancellationToken);

        await _actors.Received(1).SendAsync(ann, Arg.Is<FillRestingPaperOrdersCommand>(c => c.UserId == ann && c.Symbols.SequenceEqual(new[] { "AAPL", "MSFT" })), Arg.Any<CancellationToken>());
        await _actors.Received(1).SendAsync(bob, Arg.Is<FillRestingPaperOrdersCommand>(c => c.UserId == bob && c.Symbols.SequenceEqual(new[] { "AAPL" })), Arg.Any<CancellationToken>());
        Assert.Equal(2, _actors.ReceivedCalls().Count());
    }

    [Fact]
    public async Task AnAccountWhoseFillFails_DoesNotKeepTheOthersFromTheirs()
    {
        var unreachable = Guid.NewGuid();
        var others = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        _actors.SendAsync(unreachable, Arg.Any<FillRestingPaperOrdersCommand>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new ServiceUnavailableException("account_unavailable", "The trading account could not be reached; try again."));
        var fills = NewFills();

        fills.Add([unreachable, .. others], "AAPL");
        await _afterCommit.RunAsync(TestContext.Current.CancellationToken);

        foreach (var other in others)
        {
            await _actors.Received(1).SendAsync(other, Arg.Any<FillRestingPaperOrdersCommand>(), Arg.Any<CancellationToken>());
        }
    }

    [Fact]
    public void AQuoteNoAccountRestsOrdersIn_QueuesNothing()
    {
        NewFills().Add([], "AAPL");

        Assert.Equal(0, _afterCommit.Count);
    }
}
