using System.Globalization;
using System.Net;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Contacts;

namespace RiskPlatform.Application.Notifications.Templates;

/// <summary>
/// The messages that carry a contact verification code: sent straight to the address (never stored, never in the in-app
/// inbox). The email also links to the front end's confirm page when one is configured.
/// </summary>
public static class ContactVerificationMessages
{
    public static RenderedMessage Email(string code, string address, Uri? confirmUrl)
    {
        var minutes = (int)ContactPoint.CodeLifetime.TotalMinutes;
        var link = confirmUrl is null
            ? null
            : new UriBuilder(confirmUrl)
            {
                Query = string.Create(
                    CultureInfo.InvariantCulture,
                    $"channel={WireEnum.Name(NotificationChannel.Email)}&address={Uri.EscapeDataString(address)}&code={code}"),
            }.Uri.AbsoluteUri;
        var subject = $"{NotificationTemplates.ProductName}: your verification code {code}";
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"""
            Your {NotificationTemplates.ProductName} verification code is {code}.

            Enter it to receive notifications at {address}. It expires in {minutes} minutes and works once.
            {(link is null ? string.Empty : $"Or open: {link}\n")}
            If you did not ask for this, ignore this message: nothing is sent to this address until the code is entered.
            """);
        var html = string.Create(
            CultureInfo.InvariantCulture,
            $"""
            <p>Your {NotificationTemplates.ProductName} verification code is <strong>{code}</strong>.</p>
            <p>Enter it to receive notifications at {WebUtility.HtmlEncode(address)}. It expires in {minutes} minutes and works once.</p>
            {(link is null ? string.Empty : $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">Confirm this address</a></p>")}
            <p>If you did not ask for this, ignore this message: nothing is sent to this address until the code is entered.</p>
            """);
        return new RenderedMessage(subject, text, html);
    }

    public static string Sms(string code) =>
        string.Create(CultureInfo.InvariantCulture, $"{NotificationTemplates.ProductName} code: {code}. Expires in {(int)ContactPoint.CodeLifetime.TotalMinutes} min.");
}
