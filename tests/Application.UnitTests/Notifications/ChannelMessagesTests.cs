using System.Text.Json.Nodes;
using RiskPlatform.Application.Notifications.Templates;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.UnitTests.Notifications;

/// <summary>The browser push payload, the digest messages and the verification-code messages.</summary>
public sealed class ChannelMessagesTests
{
    private static readonly DateTime Noon = new(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc);

    private static Notification With(string title, string message = "Message", NotificationPriority priority = NotificationPriority.High, int minutes = 0) =>
        Notification.Create(
            new NewNotification(Guid.CreateVersion7(), NotificationType.RiskBreach, priority, title, message, """{"account_value":"123456.78"}"""),
            Noon.AddMinutes(minutes));

    [Fact]
    public void PushPayload_CarriesTitleAndShortBodyButNeverTheData_AndStaysSmall()
    {
        var notification = With(new string('t', 250), new string('m', 4_000), NotificationPriority.Urgent);

        var payload = PushPayload.Render(notification);

        Assert.True(payload.Length < 1_500, $"{payload.Length} characters");
        var json = JsonNode.Parse(payload)!;
        Assert.Equal(notification.Id, json["id"]!.GetValue<Guid>());
        Assert.Equal(("risk_breach", "urgent", "/notifications"), (json["type"]!.GetValue<string>(), json["priority"]!.GetValue<string>(), json["url"]!.GetValue<string>()));
        Assert.StartsWith("[URGENT] RiskPlatform: ttt", json["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(PushPayload.TitleMaxLength, json["title"]!.GetValue<string>().Length);
        Assert.Equal(PushPayload.BodyMaxLength, json["body"]!.GetValue<string>().Length);
        Assert.DoesNotContain("123456.78", payload, StringComparison.Ordinal);
    }

    [Fact]
    public void DigestEmail_ListsEveryNotificationOldestFirst_AndEncodesUserTextInHtml()
    {
        var later = With("Second <b>bold</b>", minutes: 5);
        var first = With("First", minutes: 1);

        var message = DigestMessages.Email([later, first]);

        Assert.Equal("RiskPlatform: 2 notifications", message.Subject);
        Assert.True(message.Text.IndexOf("First", StringComparison.Ordinal) < message.Text.IndexOf("Second", StringComparison.Ordinal));
        Assert.Contains("Second &lt;b&gt;bold&lt;/b&gt;", message.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold</b>", message.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("123456.78", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void DigestSms_NamesTheCountAndTitles_CutToOneSegment()
    {
        Assert.Equal("RiskPlatform: 2 notifications: A; B", DigestMessages.Sms([With("A", minutes: 1), With("B", minutes: 2)]));
        Assert.Equal(SmsText.GsmSegment, DigestMessages.Sms([.. Enumerable.Range(0, 30).Select(i => With($"Title number {i}", minutes: i))]).Length);
    }

    [Fact]
    public void VerificationMessages_CarryTheCode_AndTheEmailLinksToTheConfirmPage()
    {
        var email = ContactVerificationMessages.Email("042917", "a+b@example.com", new Uri("https://app.example.com/confirm"));

        Assert.Contains("042917", email.Subject, StringComparison.Ordinal);
        Assert.Contains("https://app.example.com/confirm?channel=email&address=a%2Bb%40example.com&code=042917", email.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"https://app.example.com/confirm?channel=email&amp;address=a%2Bb%40example.com&amp;code=042917\"", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", ContactVerificationMessages.Email("042917", "a@example.com", null).Text, StringComparison.Ordinal);
        Assert.Equal("RiskPlatform code: 042917. Expires in 15 min.", ContactVerificationMessages.Sms("042917"));
    }
}
