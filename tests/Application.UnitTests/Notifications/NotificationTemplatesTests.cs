using RiskPlatform.Application.Notifications.Templates;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.UnitTests.Notifications;

public sealed class NotificationTemplatesTests
{
    private static readonly DateTime Now = new(2026, 1, 15, 12, 30, 0, DateTimeKind.Utc);

    private static Notification Create(
        NotificationType type = NotificationType.RiskBreach,
        NotificationPriority priority = NotificationPriority.High,
        string title = "Daily loss limit",
        string message = "Loss of 2.5% exceeds the 2% limit.",
        string? data = null,
        Guid? orderId = null) =>
        Notification.Create(new NewNotification(Guid.CreateVersion7(), type, priority, title, message, data, OrderId: orderId), Now);

    [Fact]
    public void For_WhenEveryType_HasItsOwnTemplate()
    {
        var types = Enum.GetValues<NotificationType>();

        var headings = types.Select(t => NotificationTemplates.For(t).Heading).ToList();

        Assert.Equal(types.Length, headings.Distinct().Count());
        Assert.All(types, t => Assert.False(string.IsNullOrWhiteSpace(NotificationTemplates.For(t).Intro)));
    }

    [Fact]
    public void For_WhenTypeUnknown_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NotificationTemplates.For((NotificationType)999));
    }

    [Theory]
    [InlineData(NotificationType.OrderFilled, "Order filled")]
    [InlineData(NotificationType.RiskBreach, "Risk rule breached")]
    [InlineData(NotificationType.ApiKeyExpiring, "API key expiring")]
    [InlineData(NotificationType.TradingHalted, "Trading halted")]
    [InlineData(NotificationType.SecurityAlert, "Security alert")]
    public void Render_WhenType_UsesItsTemplateInSubjectAndBodies(NotificationType type, string heading)
    {
        var rendered = NotificationTemplates.Render(Create(type));

        Assert.Equal($"{heading}: Daily loss limit", rendered.Subject);
        Assert.StartsWith(heading, rendered.Text, StringComparison.Ordinal);
        Assert.Contains(NotificationTemplates.For(type).Intro, rendered.Text, StringComparison.Ordinal);
        Assert.Contains($">{heading}</h1>", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenEveryType_ProducesAllThreeParts()
    {
        foreach (var type in Enum.GetValues<NotificationType>())
        {
            var rendered = NotificationTemplates.Render(Create(type));

            Assert.Contains("Daily loss limit", rendered.Subject, StringComparison.Ordinal);
            Assert.Contains("Loss of 2.5% exceeds the 2% limit.", rendered.Text, StringComparison.Ordinal);
            Assert.Contains("Loss of 2.5% exceeds the 2% limit.", rendered.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_WhenUrgent_MarksSubject()
    {
        var rendered = NotificationTemplates.Render(Create(priority: NotificationPriority.Urgent));

        Assert.Equal("[URGENT] Risk rule breached: Daily loss limit", rendered.Subject);
    }

    [Fact]
    public void Render_WhenUserTextContainsMarkup_HtmlEncodesIt()
    {
        var notification = Create(
            title: "<script>alert('t')</script>",
            message: "Price < 10 & \"quoted\" <img src=x onerror=alert(1)>",
            data: "{\"<b>key</b>\":\"<i>value</i>\",\"note\":\"O'Brien & Co\"}");

        var html = NotificationTemplates.Render(notification).Html;

        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>key", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>value", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Price &lt; 10 &amp; &quot;quoted&quot; &lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;i&gt;value&lt;/i&gt;", html, StringComparison.Ordinal);
        Assert.Contains("O&#39;Brien &amp; Co", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenUserTextContainsMarkup_KeepsPlainTextVerbatim()
    {
        var rendered = NotificationTemplates.Render(Create(message: "Price < 10 & rising"));

        Assert.Contains("Price < 10 & rising", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenMessageHasLines_HtmlBreaksEncodedLines()
    {
        var html = NotificationTemplates.Render(Create(message: "line one\n<line two>")).Html;

        Assert.Contains("line one<br>\n&lt;line two&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenTitleHasLineBreaks_SubjectIsSingleLine()
    {
        var rendered = NotificationTemplates.Render(Create(title: "Loss\r\nBcc: attacker@example.com"));

        Assert.DoesNotContain('\r', rendered.Subject);
        Assert.DoesNotContain('\n', rendered.Subject);
        Assert.Equal("Risk rule breached: Loss Bcc: attacker@example.com", rendered.Subject);
    }

    [Fact]
    public void Render_WhenTitleIsLong_TruncatesSubject()
    {
        var rendered = NotificationTemplates.Render(Create(title: new string('x', Notification.TitleMaxLength)));

        Assert.Equal(NotificationTemplates.SubjectMaxLength, rendered.Subject.Length);
        Assert.EndsWith("…", rendered.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenDataAndIds_ListsDetails()
    {
        var orderId = Guid.CreateVersion7();
        var notification = Create(data: "{\"symbol\":\"AAPL\",\"current_value\":2.5,\"is_paper\":true,\"missing\":null,\"legs\":[1,2]}", orderId: orderId);

        var rendered = NotificationTemplates.Render(notification);

        Assert.Contains($"- Order: {orderId}", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("- Symbol: AAPL", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("- Current value: 2.5", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("- Is paper: true", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("- Legs: [1,2]", rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Missing", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("<th style=\"text-align:left;padding:2px 12px 2px 0\">Symbol</th><td style=\"padding:2px 0\">AAPL</td>", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenNoDataNorIds_OmitsDetails()
    {
        var rendered = NotificationTemplates.Render(Create());

        Assert.DoesNotContain("Details:", rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenDataHasManyFields_CapsDetails()
    {
        var fields = string.Join(",", Enumerable.Range(0, 40).Select(i => $"\"f{i}\":{i}"));

        var rendered = NotificationTemplates.Render(Create(data: "{" + fields + "}"));

        Assert.Equal(NotificationTemplates.MaxDetails, rendered.Text.Split('\n').Count(l => l.StartsWith("- F", StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_WhenCalled_FooterNamesPriorityTypeAndTime()
    {
        var rendered = NotificationTemplates.Render(Create(type: NotificationType.ApiKeyExpiring, priority: NotificationPriority.Medium));

        Assert.Contains("priority medium", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("2026-01-15 12:30 UTC", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("preferences for api_key_expiring", rendered.Text, StringComparison.Ordinal);
    }
}
