using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Events;
using RiskPlatform.Domain.Portfolio.Monitoring;
using RiskPlatform.Domain.Portfolio;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Domain.UnitTests.Portfolio;

public sealed class MonitorActionTests
{
    private static readonly DateTime Now = new(2026, 3, 10, 15, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(30);

    private static MonitorAction Liquidation()
    {
        var episodeId = Guid.CreateVersion7();
        return MonitorAction.Liquidate(
            new LiquidationInstruction(episodeId, "aapl", OrderSide.Sell, 10m, BreachEpisode.ClientOrderIdFor(episodeId, "AAPL")), Guid.NewGuid(), 1);
    }

    [Fact]
    public void Liquidate_KeepsTheEpisodesClientOrderId_AndStartsPendingAndDue()
    {
        var action = Liquidation();

        Assert.Equal(("AAPL", MonitorActionKind.Liquidate, MonitorActionStatus.Pending), (action.Symbol, action.Kind, action.Status));
        Assert.Equal(BreachEpisode.ClientOrderIdFor(action.EpisodeId, "AAPL"), action.ClientOrderId);
        Assert.True(action.IsDue(Now, Retry));
    }

    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    public void RecordFailure_StaysPendingAndIsDueAgainAfterTheRetryInterval(int secondsLater, bool due)
    {
        var action = Liquidation();

        Assert.False(action.RecordFailure("broker down", Now, maxAttempts: 3));

        Assert.Equal((MonitorActionStatus.Pending, 1, "broker down"), (action.Status, action.Attempts, action.LastError));
        Assert.Equal(due, action.IsDue(Now.AddSeconds(secondsLater), Retry));
    }

    [Fact]
    public void RecordFailure_AtTheMaximum_GivesUp_AndIsNoLongerDue()
    {
        var action = Liquidation();

        action.RecordFailure("1", Now, 2);
        var gaveUp = action.RecordFailure("2", Now, 2);

        Assert.True(gaveUp);
        Assert.Equal(MonitorActionStatus.Failed, action.Status);
        Assert.False(action.IsDue(Now.AddHours(1), Retry));
        Assert.False(action.RecordFailure("3", Now, 2));
    }

    [Fact]
    public void RecordFailure_WhenItGivesUp_RaisesOneUrgentSystemAlertForTheUser()
    {
        var action = Liquidation();

        action.RecordFailure("broker down", Now, 2);
        Assert.Empty(action.DomainEvents);
        action.RecordFailure("The broker is unreachable.", Now.AddMinutes(1), 2);
        action.RecordFailure("again", Now.AddMinutes(2), 2);

        var alert = Assert.IsType<SystemAlertRaised>(Assert.Single(action.DomainEvents));
        Assert.Equal((action.UserId, NotificationPriority.Urgent, "monitor_action", action.Id, Now.AddMinutes(1)),
            (alert.UserId, alert.Priority, alert.Source, alert.SourceId, alert.OccurredAt));
        Assert.Equal("Risk monitor could not close AAPL", alert.Title);
        Assert.Contains("close your AAPL position after 2 failed attempts (The broker is unreachable.)", alert.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "cancel your open orders")]
    [InlineData("MSFT", "cancel your open MSFT orders")]
    public void RecordFailure_WhenACancellationGivesUp_TheAlertSaysWhatWasNotCancelled(string? symbol, string expected)
    {
        var action = MonitorAction.Cancel(new CancelOrdersInstruction(Guid.CreateVersion7(), symbol), Guid.NewGuid(), 0);

        action.RecordFailure("down", Now, 1);

        var alert = Assert.IsType<SystemAlertRaised>(Assert.Single(action.DomainEvents));
        Assert.Equal("Risk monitor could not cancel orders", alert.Title);
        Assert.Contains(expected, alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_Twice_IsRefused()
    {
        var action = Liquidation();
        var orderId = Guid.NewGuid();
        action.Complete("sold 10 AAPL", orderId, Now);

        var refused = Assert.Throws<DomainException>(() => action.Complete("again", null, Now));

        Assert.Equal(PortfolioErrors.MonitorActionFinished, refused.Code);
        Assert.Equal((MonitorActionStatus.Done, orderId, 1), (action.Status, action.OrderId, action.Attempts));
    }

    [Fact]
    public void Skip_FinishesWithoutAnOrder()
    {
        var action = Liquidation();

        action.Skip("AAPL already flat", Now);

        Assert.Equal((MonitorActionStatus.Skipped, (Guid?)null, (DateTime?)Now), (action.Status, action.OrderId, action.CompletedAt));
    }
}
