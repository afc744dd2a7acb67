using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Delivery;

namespace RiskPlatform.Domain.UnitTests.Notifications;

public sealed class DeliveryCapsTests
{
    private static readonly DateTime Noon = new(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc);

    private static Notification Create(NotificationPriority priority, NotificationType type = NotificationType.RiskBreach) =>
        Notification.Create(new NewNotification(Guid.CreateVersion7(), type, priority, "Title", "Message"), Noon);

    [Theory]
    [InlineData(null, 100, false)]
    [InlineData(0, 100, false)]
    [InlineData(5, 4, false)]
    [InlineData(5, 5, true)]
    [InlineData(5, 6, true)]
    public void Reached_ComparesTheRowsInTheWindowWithTheCap(int? cap, int rows, bool reached) =>
        Assert.Equal(reached, DeliveryCaps.Reached(cap, rows));

    [Theory]
    [InlineData(NotificationPriority.Urgent, NotificationType.RiskBreach, true)]
    [InlineData(NotificationPriority.High, NotificationType.TradingHalted, true)]
    [InlineData(NotificationPriority.High, NotificationType.RiskBreach, false)]
    [InlineData(NotificationPriority.Low, NotificationType.OrderFilled, false)]
    public void IsExempt_OnlyUrgentAndHalts(NotificationPriority priority, NotificationType type, bool exempt) =>
        Assert.Equal(exempt, DeliveryCaps.IsExempt(Create(priority, type)));

    [Fact]
    public void Plan_WhenTheChannelIsAtItsCap_SuppressesItUnlessExempt()
    {
        var context = new DispatchContext(Noon, EmailAvailable: true, "a@example.com", ChannelsAtCap: new HashSet<NotificationChannel> { NotificationChannel.Email });

        var capped = DeliveryPolicy.Plan(Create(NotificationPriority.High), [], context);
        var urgent = DeliveryPolicy.Plan(Create(NotificationPriority.Urgent), [], context);

        Assert.Equal(new ChannelDecision(NotificationChannel.Email, DeliveryStatus.Suppressed, DeliveryReasons.CapReached, Recipient: "a@example.com"), capped.For(NotificationChannel.Email));
        Assert.True(capped.For(NotificationChannel.Email).HasWork);
        Assert.Equal(DeliveryStatus.Pending, capped.For(NotificationChannel.Websocket).Status);
        Assert.Equal(DeliveryStatus.Pending, urgent.For(NotificationChannel.Email).Status);
    }
}
