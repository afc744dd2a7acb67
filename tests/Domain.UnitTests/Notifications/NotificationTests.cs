using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Events;

namespace RiskPlatform.Domain.UnitTests.Notifications;

public sealed class NotificationTests
{
    private static readonly DateTime Now = new(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Guid UserId = Guid.CreateVersion7();

    private static NewNotification Draft(string title = "Order filled", string message = "Bought 10 AAPL at 190.00", string? data = null, DateTime? expiresAt = null) =>
        new(UserId, NotificationType.OrderFilled, NotificationPriority.Medium, title, message, data, ExpiresAt: expiresAt);

    [Fact]
    public void Create_WhenValid_SetsFieldsAndRaisesCreated()
    {
        var orderId = Guid.CreateVersion7();
        var draft = Draft(title: "  Order filled  ", data: "{\"symbol\":\"AAPL\"}") with { OrderId = orderId };

        var notification = Notification.Create(draft, Now);

        Assert.Equal(UserId, notification.UserId);
        Assert.Equal(NotificationType.OrderFilled, notification.Type);
        Assert.Equal(NotificationPriority.Medium, notification.Priority);
        Assert.Equal("Order filled", notification.Title);
        Assert.Equal("{\"symbol\":\"AAPL\"}", notification.DataJson);
        Assert.Equal(orderId, notification.OrderId);
        Assert.Equal(Now, notification.CreatedAt);
        Assert.False(notification.IsRead);
        Assert.Empty(notification.SentVia);
        Assert.Null(notification.DeliveredAt);
        var created = Assert.IsType<NotificationCreated>(Assert.Single(notification.DomainEvents));
        Assert.Equal(notification.Id, created.NotificationId);
        Assert.Equal(UserId, created.UserId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_WhenDataMissing_StoresEmptyObject(string? data)
    {
        var notification = Notification.Create(Draft(data: data), Now);

        Assert.Equal("{}", notification.DataJson);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("42")]
    [InlineData("\"text\"")]
    [InlineData("{not json")]
    public void Create_WhenDataIsNotJsonObject_Throws(string data)
    {
        var ex = Assert.Throws<DomainException>(() => Notification.Create(Draft(data: data), Now));

        Assert.Equal(Notification.Errors.DataNotObject, ex.Code);
    }

    [Fact]
    public void Create_WhenDataTooLarge_Throws()
    {
        var data = "{\"x\":\"" + new string('a', Notification.DataJsonMaxLength) + "\"}";

        var ex = Assert.Throws<DomainException>(() => Notification.Create(Draft(data: data), Now));

        Assert.Equal(Notification.Errors.DataTooLarge, ex.Code);
    }

    [Theory]
    [InlineData("", "message", Notification.Errors.TitleRequired)]
    [InlineData("  ", "message", Notification.Errors.TitleRequired)]
    [InlineData("title", "", Notification.Errors.MessageRequired)]
    public void Create_WhenTextMissing_ThrowsWithFieldCode(string title, string message, string code)
    {
        var ex = Assert.Throws<DomainException>(() => Notification.Create(Draft(title, message), Now));

        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public void Create_WhenTextTooLong_ThrowsWithFieldCode()
    {
        var longTitle = new string('t', Notification.TitleMaxLength + 1);
        var longMessage = new string('m', Notification.MessageMaxLength + 1);

        Assert.Equal(Notification.Errors.TitleTooLong, Assert.Throws<DomainException>(() => Notification.Create(Draft(title: longTitle), Now)).Code);
        Assert.Equal(Notification.Errors.MessageTooLong, Assert.Throws<DomainException>(() => Notification.Create(Draft(message: longMessage), Now)).Code);
        Assert.Equal(Notification.TitleMaxLength, Notification.Create(Draft(title: longTitle[1..]), Now).Title.Length);
    }

    [Fact]
    public void Create_WhenExpiryNotAfterCreation_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => Notification.Create(Draft(expiresAt: Now), Now));

        Assert.Equal(Notification.Errors.ExpiresAtNotInFuture, ex.Code);
    }

    [Fact]
    public void Create_WhenEnumOutOfRange_Throws()
    {
        var badType = Draft() with { Type = (NotificationType)999 };
        var badPriority = Draft() with { Priority = (NotificationPriority)999 };

        Assert.Equal(Notification.Errors.TypeInvalid, Assert.Throws<DomainException>(() => Notification.Create(badType, Now)).Code);
        Assert.Equal(Notification.Errors.PriorityInvalid, Assert.Throws<DomainException>(() => Notification.Create(badPriority, Now)).Code);
    }

    [Fact]
    public void MarkRead_WhenCalledTwice_KeepsFirstReadAt()
    {
        var notification = Notification.Create(Draft(), Now);

        notification.MarkRead(Now.AddMinutes(1));
        notification.MarkRead(Now.AddMinutes(5));

        Assert.True(notification.IsRead);
        Assert.Equal(Now.AddMinutes(1), notification.ReadAt);
    }

    [Fact]
    public void RecordDelivered_WhenSeveralChannels_AddsEachOnceAndKeepsFirstDeliveredAt()
    {
        var notification = Notification.Create(Draft(), Now);

        notification.RecordDelivered(NotificationChannel.InApp, Now);
        notification.RecordDelivered(NotificationChannel.Email, Now.AddMinutes(3));
        notification.RecordDelivered(NotificationChannel.InApp, Now.AddMinutes(4));

        Assert.Equal([NotificationChannel.InApp, NotificationChannel.Email], notification.SentVia);
        Assert.Equal(Now, notification.DeliveredAt);
    }

    [Fact]
    public void IsExpired_WhenExpiryReached_IsTrue()
    {
        var notification = Notification.Create(Draft(expiresAt: Now.AddHours(1)), Now);

        Assert.False(notification.IsExpired(Now.AddMinutes(59)));
        Assert.True(notification.IsExpired(Now.AddHours(1)));
        Assert.False(Notification.Create(Draft(), Now).IsExpired(DateTime.MaxValue));
    }
}
