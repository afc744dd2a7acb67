using System.Globalization;
using System.Net;
using System.Text;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Templates;

/// <summary>
/// One message for a digest's notifications (oldest first): an email listing each one's heading, title and message, or an
/// SMS naming how many and their titles, cut to one segment like every SMS (<see cref="SmsText"/>). User text is
/// HTML-encoded in the HTML body; the subject is fixed.
/// </summary>
public static class DigestMessages
{
    public const int MaxListed = 100;

    public static RenderedMessage Email(IReadOnlyList<Notification> notifications)
    {
        ArgumentOutOfRangeException.ThrowIfZero(notifications.Count);
        var ordered = notifications.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToList();
        var listed = ordered.Take(MaxListed).ToList();
        var subject = string.Create(CultureInfo.InvariantCulture, $"{NotificationTemplates.ProductName}: {ordered.Count} notifications");
        var more = ordered.Count - listed.Count;

        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Your digest of {ordered.Count} notifications:")
            .AppendLine();
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(WebUtility.HtmlEncode(subject))
            .Append("</title>\n</head>\n<body style=\"font-family:Arial,Helvetica,sans-serif;color:#101828;line-height:1.5\">\n")
            .Append(CultureInfo.InvariantCulture, $"<h1 style=\"font-size:20px\">Your digest of {ordered.Count} notifications</h1>\n<ul>\n");
        foreach (var notification in listed)
        {
            var heading = NotificationTemplates.For(notification.Type).Heading;
            var when = notification.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            text.AppendLine(CultureInfo.InvariantCulture, $"- {when} UTC · {heading} · {WireEnum.Name(notification.Priority)}")
                .AppendLine(CultureInfo.InvariantCulture, $"  {notification.Title}")
                .AppendLine(CultureInfo.InvariantCulture, $"  {notification.Message.ReplaceLineEndings(" ")}");
            html.Append("<li><p><strong>").Append(WebUtility.HtmlEncode(notification.Title)).Append("</strong><br>")
                .Append(WebUtility.HtmlEncode(notification.Message)).Append("<br><span style=\"color:#667085;font-size:12px\">")
                .Append(WebUtility.HtmlEncode($"{when} UTC · {heading} · {WireEnum.Name(notification.Priority)}")).Append("</span></p></li>\n");
        }

        if (more > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"… and {more} more in your inbox.");
            html.Append(CultureInfo.InvariantCulture, $"<li>… and {more} more in your inbox.</li>\n");
        }

        const string footer = "You receive this digest because of your notification preferences (digest_interval_minutes).";
        text.AppendLine().AppendLine("--").AppendLine(footer);
        html.Append("</ul>\n<p style=\"color:#667085;font-size:12px\">").Append(footer).Append("</p>\n</body>\n</html>\n");
        return new RenderedMessage(subject, text.ToString(), html.ToString());
    }

    /// <summary>"RiskPlatform: 3 notifications: title; title; title", cut to one segment.</summary>
    public static string Sms(IReadOnlyList<Notification> notifications)
    {
        ArgumentOutOfRangeException.ThrowIfZero(notifications.Count);
        var titles = notifications.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .Select(n => string.Join(' ', n.Title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        return SmsText.Cut(string.Create(CultureInfo.InvariantCulture, $"{NotificationTemplates.ProductName}: {notifications.Count} notifications: {string.Join("; ", titles)}"));
    }
}
