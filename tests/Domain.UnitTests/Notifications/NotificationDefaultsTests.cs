using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Domain.UnitTests.Notifications;

public sealed class NotificationDefaultsTests
{
    [Fact]
    public void All_WhenEnumerated_HasEveryTypeAndChannelExactlyOnce()
    {
        var types = Enum.GetValues<NotificationType>();
        var channels = Enum.GetValues<NotificationChannel>();

        var pairs = NotificationDefaults.All.Select(d => (d.NotificationType, d.Channel)).ToList();

        Assert.Equal(types.Length * channels.Length, pairs.Count);
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
        foreach (var type in types)
        {
            foreach (var channel in channels)
            {
                Assert.Contains((type, channel), pairs);
            }
        }
    }

    [Fact]
    public void For_WhenEveryTypeAndChannel_ReturnsTheMatchingRow()
    {
        foreach (var type in Enum.GetValues<NotificationType>())
        {
            foreach (var channel in Enum.GetValues<NotificationChannel>())
            {
                var row = NotificationDefaults.For(type, channel);

                Assert.Equal(type, row.NotificationType);
                Assert.Equal(channel, row.Channel);
            }
        }
    }

    [Fact]
    public void For_WhenInAppOrWebsocket_EnabledAtAnyPriority()
    {
        foreach (var row in NotificationDefaults.All.Where(d => d.Channel is NotificationChannel.InApp or NotificationChannel.Websocket))
        {
            Assert.True(row.IsEnabled);
            Assert.Equal(NotificationPriority.Low, row.MinPriority);
        }
    }

    [Theory]
    [InlineData(NotificationType.OrderFilled, NotificationPriority.High)]
    [InlineData(NotificationType.RiskBreach, NotificationPriority.High)]
    [InlineData(NotificationType.TradingHalted, NotificationPriority.High)]
    [InlineData(NotificationType.DailySummary, NotificationPriority.Low)]
    [InlineData(NotificationType.ApiKeyExpiring, NotificationPriority.Low)]
    [InlineData(NotificationType.SecurityAlert, NotificationPriority.Low)]
    public void For_WhenEmail_EnabledWithTypeSpecificMinPriority(NotificationType type, NotificationPriority minPriority)
    {
        var row = NotificationDefaults.For(type, NotificationChannel.Email);

        Assert.True(row.IsEnabled);
        Assert.Equal(minPriority, row.MinPriority);
    }

    [Fact]
    public void For_WhenSms_Disabled()
    {
        foreach (var row in NotificationDefaults.All.Where(d => d.Channel is NotificationChannel.Sms))
        {
            Assert.False(row.IsEnabled);
        }
    }

    [Fact]
    public void For_WhenPush_EnabledFromHighPriority()
    {
        // Subscribing a browser is the opt-in; like email, push is for what needs attention.
        Assert.All(NotificationDefaults.All.Where(d => d.Channel == NotificationChannel.Push), row => Assert.Equal((true, NotificationPriority.High), (row.IsEnabled, row.MinPriority)));
    }

    [Fact]
    public void For_WhenWebhook_EnabledAtAnyPriority()
    {
        // Registering an endpoint is the opt-in; its notification_types choose the types.
        Assert.All(NotificationDefaults.All.Where(d => d.Channel == NotificationChannel.Webhook), row => Assert.Equal((true, NotificationPriority.Low), (row.IsEnabled, row.MinPriority)));
    }

    [Fact]
    public void For_WhenEnumOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NotificationDefaults.For((NotificationType)99, NotificationChannel.Email));
        Assert.Throws<ArgumentOutOfRangeException>(() => NotificationDefaults.For(NotificationType.OrderFilled, (NotificationChannel)99));
    }
}
