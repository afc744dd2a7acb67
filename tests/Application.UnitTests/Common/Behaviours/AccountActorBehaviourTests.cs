using NSubstitute;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Behaviours;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Commands.RunPortfolioMonitor;
using RiskPlatform.Application.Trading.Commands.CancelOrder;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.Portfolio;

namespace RiskPlatform.Application.UnitTests.Common.Behaviours;

public sealed class AccountActorBehaviourTests
{
    private static readonly Guid Caller = Guid.NewGuid();
    private static readonly Guid Monitored = Guid.NewGuid();

    private readonly IAccountActors _actors = Substitute.For<IAccountActors>();
    private readonly ICurrentUser _currentUser = Substitute.For<ICurrentUser>();

    public AccountActorBehaviourTests()
    {
        _currentUser.UserId.Returns(Caller);
        _currentUser.RequireUserId().Returns(Caller);
    }

    [Fact]
    public async Task Handle_AServiceCommand_GoesToTheActorOfTheAccountItNames_NotTheCallers()
    {
        var command = new RunPortfolioMonitorCommand(Monitored);
        var run = new PortfolioMonitorRun(true, 0, 0, 0, TradingState.Active);
        _actors.SendAsync(Monitored, command, Arg.Any<CancellationToken>()).Returns(run);
        var behaviour = new AccountActorBehaviour<RunPortfolioMonitorCommand, PortfolioMonitorRun>(new AccountActorCall(), _currentUser, _actors);

        var result = await behaviour.Handle(command, TestContext.Current.CancellationToken, () => throw new InvalidOperationException("ran here"));

        Assert.Same(run, result);
        await _actors.DidNotReceive().SendAsync(Caller, Arg.Any<RunPortfolioMonitorCommand>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_ACallersAccountCommand_GoesToTheCallersActor()
    {
        var command = new CancelOrderCommand(Guid.NewGuid());
        var behaviour = new AccountActorBehaviour<CancelOrderCommand, OrderDto>(new AccountActorCall(), _currentUser, _actors);

        await behaviour.Handle(command, TestContext.Current.CancellationToken, () => throw new InvalidOperationException("ran here"));

        await _actors.Received(1).SendAsync(Caller, command, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_InsideTheActor_RunsTheRestOfThePipelineHereInsteadOfForwardingAgain()
    {
        var insideTheActor = new AccountActorCall();
        insideTheActor.Enter(new AccountCallOrigin(null, null, null, null));
        var run = new PortfolioMonitorRun(false, 0, 0, 0, TradingState.Active);
        var behaviour = new AccountActorBehaviour<RunPortfolioMonitorCommand, PortfolioMonitorRun>(insideTheActor, _currentUser, _actors);

        var result = await behaviour.Handle(new RunPortfolioMonitorCommand(Monitored), TestContext.Current.CancellationToken, () => Task.FromResult(run));

        Assert.Same(run, result);
        Assert.Empty(_actors.ReceivedCalls());
    }
}
