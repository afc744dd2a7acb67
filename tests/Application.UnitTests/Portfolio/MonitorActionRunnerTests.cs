using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Commands.ExecuteMonitorAction;
using RiskPlatform.Application.Portfolio.Commands.RecordMonitorActionFailure;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Application.UnitTests.Support;
using RiskPlatform.Domain.Notifications.Events;
using RiskPlatform.Domain.Portfolio.Monitoring;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.UnitTests.Portfolio;

/// <summary>
/// The outbox executor's ordering and retries, with the two commands faked: an execution that fails is recorded, the user's
/// later actions wait (a liquidation never overtakes its cancellation), and the retry after the interval finishes both.
/// </summary>
public sealed class MonitorActionRunnerTests
{
    private static readonly Guid UserId = Guid.NewGuid();
    private static readonly Guid EpisodeId = Guid.CreateVersion7();

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero));
    private readonly List<MonitorAction> _actions = [];
    private readonly List<Guid> _executed = [];
    private readonly IMediator _mediator = Substitute.For<IMediator>();
    private readonly MonitorActionRunner _runner;
    private int _failuresLeft;

    public MonitorActionRunnerTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton(_mediator);
        services.AddSingleton<IReadRepository<MonitorAction>>(InMemoryRepository.Of(_actions));
        var options = Options.Create(new MonitoringOptions { ActionRetryInterval = TimeSpan.FromSeconds(30), MaxActionAttempts = 3 });
        _runner = new MonitorActionRunner(
            services.BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), options, _clock, NullLogger<MonitorActionRunner>.Instance);

        _mediator.Send(Arg.Any<ExecuteMonitorActionCommand>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var action = _actions.Single(a => a.Id == call.Arg<ExecuteMonitorActionCommand>().ActionId);
            if (_failuresLeft > 0)
            {
                _failuresLeft--;
                throw new ServiceUnavailableException("broker_unavailable", "The broker is unreachable.");
            }

            action.Complete("done", null, _clock.GetUtcNow().UtcDateTime);
            _executed.Add(action.Id);
            return action.Status;
        });
        _mediator.Send(Arg.Any<RecordMonitorActionFailureCommand>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var command = call.Arg<RecordMonitorActionFailureCommand>();
            var action = _actions.Single(a => a.Id == command.ActionId);
            action.RecordFailure(command.Error, _clock.GetUtcNow().UtcDateTime, 3);
            return action.Status;
        });
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunPendingAsync_RunsCancellationsBeforeLiquidations()
    {
        var (cancel, liquidate) = AddCloseAll();

        var executed = await _runner.RunPendingAsync(UserId, Cancellation);

        Assert.Equal(2, executed);
        Assert.Equal([cancel.Id, liquidate.Id], _executed);
    }

    [Fact]
    public async Task RunPendingAsync_AfterAFailure_RecordsIt_HoldsTheRest_AndRetriesAfterTheInterval()
    {
        var (cancel, liquidate) = AddCloseAll();
        _failuresLeft = 1;

        Assert.Equal(0, await _runner.RunPendingAsync(UserId, Cancellation));
        Assert.Equal((1, "The broker is unreachable."), (cancel.Attempts, cancel.LastError));
        Assert.True(liquidate.IsPending);
        Assert.Equal(0, liquidate.Attempts);

        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await _runner.RunPendingAsync(UserId, Cancellation));

        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(2, await _runner.RunPendingAsync(UserId, Cancellation));
        Assert.Equal([cancel.Id, liquidate.Id], _executed);
        Assert.Equal(MonitorActionStatus.Done, cancel.Status);
        Assert.Equal(2, cancel.Attempts);
    }

    [Fact]
    public async Task RunPendingAsync_WhenAnActionKeepsFailing_GivesItUpAfterTheMaximum_AndRunsTheNext()
    {
        var (cancel, liquidate) = AddCloseAll();
        _failuresLeft = 3;

        for (var attempt = 0; attempt < 3; attempt++)
        {
            await _runner.RunPendingAsync(UserId, Cancellation);
            _clock.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(MonitorActionStatus.Failed, cancel.Status);
        Assert.Equal(MonitorActionStatus.Done, liquidate.Status);
        Assert.Equal([liquidate.Id], _executed);
        Assert.Equal(UserId, Assert.IsType<SystemAlertRaised>(Assert.Single(cancel.DomainEvents)).UserId);
        Assert.Empty(liquidate.DomainEvents);
    }

    private (MonitorAction Cancel, MonitorAction Liquidate) AddCloseAll()
    {
        var liquidate = MonitorAction.Liquidate(
            new LiquidationInstruction(EpisodeId, "AAPL", OrderSide.Sell, 10m, BreachEpisode.ClientOrderIdFor(EpisodeId, "AAPL")), UserId, 1);
        var cancel = MonitorAction.Cancel(new CancelOrdersInstruction(EpisodeId, null), UserId, 0);
        _actions.Add(liquidate);
        _actions.Add(cancel);
        return (cancel, liquidate);
    }
}
