using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Domain.UnitTests.Notifications;

public sealed class NotificationPrioritiesTests
{
    [Theory]
    [InlineData("alert", NotificationPriority.Medium)]
    [InlineData("block", NotificationPriority.High)]
    [InlineData("reduce_size", NotificationPriority.High)]
    [InlineData("close_position", NotificationPriority.Urgent)]
    [InlineData("close_all", NotificationPriority.Urgent)]
    [InlineData("halt", NotificationPriority.Urgent)]
    [InlineData("halt_trading", NotificationPriority.Urgent)]
    [InlineData("halt_strategy", NotificationPriority.Urgent)]
    [InlineData("CloseAll", NotificationPriority.Urgent)]
    [InlineData("ReduceSize", NotificationPriority.High)]
    [InlineData("ALERT", NotificationPriority.Medium)]
    [InlineData("something_new", NotificationPriority.High)]
    public void ForRiskAction_WhenAction_MapsToPriority(string action, NotificationPriority expected)
    {
        Assert.Equal(expected, NotificationPriorities.ForRiskAction(action));
    }
}
