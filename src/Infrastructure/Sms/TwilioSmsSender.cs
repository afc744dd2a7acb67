using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Sms;

/// <summary>
/// One text through Twilio's Messages API: a form POST with basic auth (account SID, auth token). A 2xx answer is sent
/// (Twilio's message SID returned); Twilio's error codes for an unusable recipient are permanent (<see cref="TwilioErrors"/>);
/// everything else — other errors, 429, 5xx, timeouts — may work on a retry. Used by the sms outbox
/// (<see cref="TwilioSmsChannelSender"/>, with status callbacks) and for verification codes (without).
/// </summary>
internal sealed class TwilioSmsSender(IHttpClientFactory httpClients, IOptions<TwilioOptions> options) : ISmsSender
{
    public const string HttpClientName = "twilio";

    public Task<SmsSendResult> SendAsync(string to, string text, CancellationToken cancellationToken) =>
        SendAsync(to, text, withStatusCallback: false, cancellationToken);

    public async Task<SmsSendResult> SendAsync(string to, string text, bool withStatusCallback, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var fields = new Dictionary<string, string> { ["To"] = to, ["Body"] = text };
        if (!string.IsNullOrWhiteSpace(settings.MessagingServiceSid))
        {
            fields["MessagingServiceSid"] = settings.MessagingServiceSid;
        }
        else
        {
            fields["From"] = settings.From!;
        }

        if (withStatusCallback && settings.StatusCallbackUrl is { } callback)
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
                return new SmsSendResult(Sent: true, ProviderId: answer?.Sid);
            }

            var error = string.Create(
                CultureInfo.InvariantCulture, $"Twilio answered HTTP {(int)response.StatusCode}{(answer?.Code is { } code ? $" error {code}" : string.Empty)}: {answer?.Message ?? "no details"}");
            var permanent = answer?.Code is { } errorCode && TwilioErrors.IsPermanent(errorCode) && response.StatusCode != HttpStatusCode.TooManyRequests;
            return new SmsSendResult(Sent: false, permanent, error);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SmsSendResult(Sent: false, Error: $"Twilio did not answer within {settings.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException exception)
        {
            return new SmsSendResult(Sent: false, Error: $"Twilio could not be reached: {exception.Message}");
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
