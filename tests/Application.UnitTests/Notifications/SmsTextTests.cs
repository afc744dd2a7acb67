using RiskPlatform.Application.Notifications.Templates;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.UnitTests.Notifications;

public sealed class SmsTextTests
{
    private static Notification With(string title, string message = "Account details that must not reach a phone") =>
        Notification.Create(
            new NewNotification(Guid.CreateVersion7(), NotificationType.RiskBreach, NotificationPriority.Urgent, title, message, """{"account_value":"123456.78"}"""),
            new DateTime(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void Render_WhenShort_IsTheProductAndTheTitleOnly()
    {
        var text = SmsText.Render(With("Daily loss   limit\nreached"));

        Assert.Equal("RiskPlatform: Daily loss limit reached", text);
    }

    [Fact]
    public void Render_WhenLongInTheGsmAlphabet_IsCutToOne160CharacterSegment()
    {
        var text = SmsText.Render(With(new string('a', 250)));

        Assert.Equal(SmsText.GsmSegment, text.Length);
        Assert.EndsWith("a.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenLongWithCharactersOutsideGsm_IsCutToOne70CharacterSegment()
    {
        var text = SmsText.Render(With("Verlust 📉 " + new string('b', 200)));

        Assert.Equal(SmsText.UnicodeSegment, text.Length);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }
}
