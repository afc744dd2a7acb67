using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Webhooks;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Infrastructure.Notifications;

namespace RiskPlatform.Infrastructure.Webhooks;

/// <summary>
/// Posts a signed message through the <see cref="HttpClientName"/> client (no redirects, the <see cref="WebhookConnector"/>
/// guard at connect time). A 2xx answer is delivered; anything else, a timeout (<see cref="WebhookOptions.Timeout"/> for
/// the whole exchange) or a connection failure is a failed attempt, described with at most
/// <see cref="WebhookOptions.MaxResponseBytes"/> of the body; a refused address is reported as such.
/// </summary>
internal sealed class HttpWebhookSender(IHttpClientFactory httpClients, IOptions<WebhookOptions> options) : IWebhookSender
{
    public const string HttpClientName = "webhooks";
    private const int MaxErrorSnippet = 200;

    public async Task<WebhookSendResult> SendAsync(WebhookMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var started = Stopwatch.GetTimestamp();
        var timestamp = message.Timestamp.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, message.Url)
        {
            Content = new StringContent(message.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(StandardWebhookSignature.IdHeader, message.MessageId);
        request.Headers.Add(StandardWebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(StandardWebhookSignature.SignatureHeader, StandardWebhookSignature.Header(message.Secrets, message.MessageId, message.Timestamp, message.Body));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("RiskPlatform-Webhooks", "1.0"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return Result(WebhookSendOutcome.Delivered, status, null, started);
            }

            var snippet = await ReadCappedAsync(response.Content, settings.MaxResponseBytes, timeout.Token);
            var error = status is >= 300 and < 400
                ? $"HTTP {status}: redirects are not followed"
                : $"HTTP {status}{(snippet.Length == 0 ? string.Empty : ": " + snippet)}";
            return Result(WebhookSendOutcome.Failed, status, error, started);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Result(WebhookSendOutcome.Failed, null, $"No answer within {settings.Timeout.TotalSeconds:0.#} s", started);
        }
        catch (HttpRequestException exception) when (WebhookAddressRefusedException.In(exception) is { } refused)
        {
            return Result(WebhookSendOutcome.Refused, null, refused.Message, started);
        }
        catch (HttpRequestException exception)
        {
            return Result(WebhookSendOutcome.Failed, null, $"Connection failed: {exception.Message}", started);
        }
    }

    /// <summary>At most <paramref name="maxBytes"/> of the body, as text for the error; the rest is never read.</summary>
    private static async Task<string> ReadCappedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        var body = await ResponseBodies.ReadAtMostAsync(content, maxBytes, cancellationToken);
        var text = Encoding.UTF8.GetString(body).ReplaceLineEndings(" ").Trim();
        return text.Length <= MaxErrorSnippet ? text : text[..MaxErrorSnippet];
    }

    private static WebhookSendResult Result(WebhookSendOutcome outcome, int? status, string? error, long started) =>
        new(outcome, status, error, Stopwatch.GetElapsedTime(started));
}
