using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Notifications.Templates;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Infrastructure.Notifications;

namespace RiskPlatform.Infrastructure.Sms;

/// <summary>
/// Sms deliveries through Twilio's Messages API: one form POST with basic auth (account SID, auth token) per row. A 2xx
/// answer is sent (Twilio's message SID kept on the row for its status callbacks); Twilio's error codes for an unusable
/// recipient are permanent (<see cref="TwilioErrors"/>); everything else — other errors, 429, 5xx, timeouts — is retried.
/// </summary>
internal sealed class TwilioSmsChannelSender(IHttpClientFactory httpClients, IOptions<TwilioOptions> options) : IDeliveryChannelSender
{
    public const string HttpClientName = "twilio";

    public NotificationChannel Channel => NotificationChannel.Sms;

    public Task PrepareAsync(IReadOnlyCollection<NotificationDelivery> deliveries, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Record(NotificationDelivery delivery, DeliveryAttempt attempt, DateTime now)
    {
    }

    public async Task<DeliveryAttempt> SendAsync(Notification notification, NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (PhoneNumber.TryNormalize(delivery.Recipient) is not { } to)
        {
            return DeliveryAttempt.Permanent("The delivery has no E.164 phone number.");
        }

        var fields = new Dictionary<string, string> { ["To"] = to, ["Body"] = SmsText.Render(notification) };
        if (!string.IsNullOrWhiteSpace(settings.MessagingServiceSid))
        {
            fields["MessagingServiceSid"] = settings.MessagingServiceSid;
        }
        else
        {
            fields["From"] = settings.From!;
        }

        if (settings.StatusCallbackUrl is { } callback)
        {
            fields["StatusCallback"] = callback.AbsoluteUri;
        }

        var url = new Uri(settings.BaseUrl, string.Create(CultureInfo.InvariantCulture, $"2010-04-01/Accounts/{Uri.EscapeDataString(settings.AccountSid!)}/Messages.json"));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.AccountSid}:{settings.AuthToken}")));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            var answer = await ReadAnswerAsync(response, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return DeliveryAttempt.Sent(answer?.Sid);
            }

            var error = string.Create(
                CultureInfo.InvariantCulture, $"Twilio answered HTTP {(int)response.StatusCode}{(answer?.Code is { } code ? $" error {code}" : string.Empty)}: {answer?.Message ?? "no details"}");
            return answer?.Code is { } errorCode && TwilioErrors.IsPermanent(errorCode) && response.StatusCode != HttpStatusCode.TooManyRequests
                ? DeliveryAttempt.Permanent(error)
                : DeliveryAttempt.Transient(error);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryAttempt.Transient($"Twilio did not answer within {settings.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException exception)
        {
            return DeliveryAttempt.Transient($"Twilio could not be reached: {exception.Message}");
        }
    }

    private static async Task<TwilioAnswer?> ReadAnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<TwilioAnswer>(cancellationToken);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The fields we read of Twilio's message resource (success) and error document (failure).</summary>
    private sealed record TwilioAnswer(
        [property: JsonPropertyName("sid")] string? Sid,
        [property: JsonPropertyName("code")] int? Code,
        [property: JsonPropertyName("message")] string? Message);
}
