using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Templates;

/// <summary>
/// Renders a <see cref="Notification"/> as an email: one <see cref="NotificationTemplate"/> per type supplies the fixed
/// wording; the title, message and the top-level fields of <c>data</c> are the user-supplied parts. In the HTML body every
/// user-supplied string is HTML-encoded; the subject is made single-line (no header injection) and kept short.
/// </summary>
public static class NotificationTemplates
{
    public const string ProductName = "RiskPlatform";
    public const int SubjectMaxLength = 200;
    public const int MaxDetails = 25;
    public const int DetailValueMaxLength = 500;

    private static readonly FrozenDictionary<NotificationType, NotificationTemplate> Templates = new Dictionary<NotificationType, NotificationTemplate>
    {
        [NotificationType.OrderFilled] = new("Order filled", "One of your orders was filled."),
        [NotificationType.OrderCancelled] = new("Order cancelled", "One of your orders was cancelled."),
        [NotificationType.OrderRejected] = new("Order rejected", "One of your orders was rejected by the broker or by a risk rule."),
        [NotificationType.PositionOpened] = new("Position opened", "A new position was opened."),
        [NotificationType.PositionClosed] = new("Position closed", "A position was closed."),
        [NotificationType.StrategySignal] = new("Strategy signal", "One of your strategies produced a signal."),
        [NotificationType.StrategyError] = new("Strategy error", "One of your strategies reported an error and may need your attention."),
        [NotificationType.RiskBreach] = new("Risk rule breached", "A risk rule was breached. Review the details and your open positions."),
        [NotificationType.DailySummary] = new("Daily summary", "Here is your trading summary for the day."),
        [NotificationType.SystemAlert] = new("System alert", "A system event may affect your trading."),
        [NotificationType.ProfitTarget] = new("Profit target reached", "A position reached its profit target."),
        [NotificationType.StopLoss] = new("Stop loss triggered", "A stop loss was triggered."),
        [NotificationType.ApiKeyExpiring] = new("API key expiring", "One of your broker API keys expires soon. Rotate it to keep trading without interruption."),
        [NotificationType.ApiKeyFailed] = new("API key failed", "A broker refused one of your API keys. Verify or rotate the key."),
        [NotificationType.TradingHalted] = new("Trading halted", "Trading was halted on your account. No new orders are placed until it is resumed."),
        [NotificationType.SecurityAlert] = new("Security alert", "There was security-relevant activity on your account. If this was not you, change your password now."),
    }.ToFrozenDictionary();

    /// <summary>The template of a type; every <see cref="NotificationType"/> has one.</summary>
    public static NotificationTemplate For(NotificationType type) =>
        Templates.TryGetValue(type, out var template)
            ? template
            : throw new ArgumentOutOfRangeException(nameof(type), type, "No template for this notification type.");

    public static RenderedMessage Render(Notification notification)
    {
        var template = For(notification.Type);
        var details = Details(notification);
        var subject = Subject(notification, template);
        return new RenderedMessage(subject, Text(notification, template, details), Html(notification, template, subject, details));
    }

    private static string Subject(Notification notification, NotificationTemplate template)
    {
        var urgent = notification.Priority == NotificationPriority.Urgent ? "[URGENT] " : string.Empty;
        var subject = SingleLine($"{urgent}{template.Heading}: {notification.Title}");
        return subject.Length <= SubjectMaxLength ? subject : string.Concat(subject.AsSpan(0, SubjectMaxLength - 1), "…");
    }

    private static string Text(Notification notification, NotificationTemplate template, List<KeyValuePair<string, string>> details)
    {
        var text = new StringBuilder()
            .AppendLine(template.Heading)
            .AppendLine()
            .AppendLine(template.Intro)
            .AppendLine()
            .AppendLine(notification.Title)
            .AppendLine(notification.Message);

        if (details.Count > 0)
        {
            text.AppendLine().AppendLine("Details:");
            foreach (var (label, value) in details)
            {
                text.Append("- ").Append(label).Append(": ").AppendLine(value);
            }
        }

        return text
            .AppendLine()
            .AppendLine("--")
            .AppendLine(Footer(notification))
            .ToString();
    }

    private static string Html(Notification notification, NotificationTemplate template, string subject, List<KeyValuePair<string, string>> details)
    {
        var accent = notification.Priority switch
        {
            NotificationPriority.Urgent => "#b42318",
            NotificationPriority.High => "#b54708",
            _ => "#175cd3",
        };

        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(Encode(subject))
            .Append("</title>\n</head>\n<body style=\"font-family:Arial,Helvetica,sans-serif;color:#101828;line-height:1.5\">\n")
            .Append("<h1 style=\"font-size:20px;color:").Append(accent).Append("\">").Append(Encode(template.Heading)).Append("</h1>\n")
            .Append("<p>").Append(Encode(template.Intro)).Append("</p>\n")
            .Append("<h2 style=\"font-size:16px\">").Append(Encode(notification.Title)).Append("</h2>\n")
            .Append("<p>").Append(EncodeMultiline(notification.Message)).Append("</p>\n");

        if (details.Count > 0)
        {
            html.Append("<table style=\"border-collapse:collapse\">\n");
            foreach (var (label, value) in details)
            {
                html.Append("<tr><th style=\"text-align:left;padding:2px 12px 2px 0\">").Append(Encode(label))
                    .Append("</th><td style=\"padding:2px 0\">").Append(Encode(value)).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        return html
            .Append("<p style=\"color:#667085;font-size:12px\">").Append(Encode(Footer(notification))).Append("</p>\n")
            .Append("</body>\n</html>\n")
            .ToString();
    }

    private static string Footer(Notification notification) => string.Create(
        CultureInfo.InvariantCulture,
        $"{ProductName} · priority {WireEnum.Name(notification.Priority)} · {notification.CreatedAt:yyyy-MM-dd HH:mm} UTC. You receive this email because of your notification preferences for {WireEnum.Name(notification.Type)}.");

    /// <summary>The linked ids, then the top-level fields of <c>data</c> (nested values as compact JSON), at most <see cref="MaxDetails"/>.</summary>
    private static List<KeyValuePair<string, string>> Details(Notification notification)
    {
        var details = new List<KeyValuePair<string, string>>();
        AddId(details, "Order", notification.OrderId);
        AddId(details, "Strategy", notification.StrategyId);
        AddId(details, "Trade", notification.TradeId);

        try
        {
            using var document = JsonDocument.Parse(notification.DataJson);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (details.Count >= MaxDetails)
                    {
                        break;
                    }

                    var value = property.Value.ValueKind switch
                    {
                        JsonValueKind.Null or JsonValueKind.Undefined => null,
                        JsonValueKind.String => property.Value.GetString(),
                        _ => property.Value.GetRawText(),
                    };

                    if (!string.IsNullOrWhiteSpace(value))
                    {
                        details.Add(new(Label(property.Name), Truncate(SingleLine(value), DetailValueMaxLength)));
                    }
                }
            }
        }
        catch (JsonException)
        {
            // The domain only stores JSON objects; a row written otherwise renders without details rather than not at all.
        }

        return details;
    }

    private static void AddId(List<KeyValuePair<string, string>> details, string label, Guid? id)
    {
        if (id is { } value)
        {
            details.Add(new(label, value.ToString()));
        }
    }

    /// <summary><c>stop_price</c> → <c>Stop price</c>.</summary>
    private static string Label(string key)
    {
        var words = SingleLine(key.Replace('_', ' ')).Trim();
        if (words.Length == 0)
        {
            return "Value";
        }

        return Truncate(char.ToUpperInvariant(words[0]) + words[1..], 100);
    }

    private static string SingleLine(string value)
    {
        var builder = new StringBuilder(value.Length);
        var lastWasSpace = false;
        foreach (var c in value)
        {
            var isSpace = char.IsWhiteSpace(c) || char.IsControl(c);
            if (isSpace && lastWasSpace)
            {
                continue;
            }

            builder.Append(isSpace ? ' ' : c);
            lastWasSpace = isSpace;
        }

        return builder.ToString().Trim();
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static string EncodeMultiline(string value) =>
        string.Join("<br>\n", value.ReplaceLineEndings("\n").Split('\n').Select(Encode));
}
