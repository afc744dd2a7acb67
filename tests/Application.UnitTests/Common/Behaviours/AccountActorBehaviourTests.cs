using NSubstitute;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Behaviours;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Commands.RunPortfolioMonitor;
using RiskPlatform.Application.Portfolio.Queries.GetPortfolioRisk;
using RiskPlatform.Application.Trading.Commands.CancelOrder;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.Portfolio.State;

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
    public async Task Handle_AnAccountRead_IsAnsweredByTheCallersActor()
    {
        var query = new GetPortfolioRiskQuery();
        var behaviour = new AccountActorBehaviour<GetPortfolioRiskQuery, PortfolioRiskDto>(new AccountActorCall(), _currentUser, _actors);

        await behaviour.Handle(query, TestContext.Current.CancellationToken, () => throw new InvalidOperationException("ran here"));

        await _actors.Received(1).QueryAsync(Caller, query, Arg.Any<CancellationToken>());
        await _actors.DidNotReceiveWithAnyArgs().SendAsync<PortfolioRiskDto>(default, default!, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Handle_AnAccountReadInsideTheActor_IsAnsweredHere()
    {
        var insideTheActor = new AccountActorCall();
        insideTheActor.EnterRead(new AccountCallOrigin(Caller, null, null, null), new AccountMemory(Caller));
        var behaviour = new AccountActorBehaviour<GetPortfolioRiskQuery, PortfolioRiskDto>(insideTheActor, _currentUser, _actors);
        var ranHere = false;

        await behaviour.Handle(new GetPortfolioRiskQuery(), TestContext.Current.CancellationToken, () =>
        {
            ranHere = true;
            return Task.FromResult<PortfolioRiskDto>(null!);
        });

        Assert.True(ranHere);
        Assert.Empty(_actors.ReceivedCalls());
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
