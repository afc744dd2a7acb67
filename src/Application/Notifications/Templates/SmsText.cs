using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Templates;

/// <summary>
/// The text of an SMS: the product name and the notification's title, on one line — never the message body or the data,
/// which can carry account details. Cut to one segment: 160 characters in the GSM 7-bit alphabet, 70 otherwise (UCS-2).
/// </summary>
public static class SmsText
{
    public const int GsmSegment = 160;
    public const int UnicodeSegment = 70;

    /// <summary>The GSM 03.38 basic character set (the escape-table characters count double, so they are left out).</summary>
    private const string GsmBasic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    public static string Render(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var title = string.Join(' ', notification.Title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Cut($"{NotificationTemplates.ProductName}: {title}");
    }

    /// <summary>The text cut to one segment (160 GSM-7 characters, else 70), ending in "." or "…" when cut.</summary>
    public static string Cut(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var limit = text.All(c => GsmBasic.Contains(c, StringComparison.Ordinal)) ? GsmSegment : UnicodeSegment;
        if (text.Length <= limit)
        {
            return text;
        }

        var cut = limit - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + (limit == GsmSegment ? "." : "…");
    }
}
