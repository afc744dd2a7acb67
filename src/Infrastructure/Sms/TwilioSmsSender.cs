using System.Globalization;
using System.Net;
using System.Net.Http;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using RiskPlatform.Application.Common.Sms;

namespace RiskPlatform.Infrastructure.Sms;

/// <summary>
/// One text through Twilio's Messages API with Twilio's SDK (<see cref="MessageResource.CreateAsync(CreateMessageOptions, ITwilioRestClient)"/>,
/// basic auth with the account SID and auth token) over our <see cref="HttpClientName"/> client: its handler sends to
/// <see cref="TwilioOptions.BaseUrl"/> (<see cref="TwilioBaseUrlHandler"/>), and each message gets a client of its own whose
/// <see cref="System.Net.Http.HttpClient.Timeout"/> bounds the whole exchange (the SDK reads the answer whole) and which the
/// caller's token cancels (the SDK takes no token). A message Twilio took is sent (its SID returned); Twilio's error codes
/// for an unusable recipient are permanent (<see cref="TwilioErrors"/>); everything else — other errors, 429, 5xx, an
/// answer that is not Twilio's, timeouts — may work on a retry. Used by the sms outbox (<see cref="TwilioSmsChannelSender"/>,
/// with status callbacks) and for verification codes (without).
/// </summary>
internal sealed class TwilioSmsSender(IHttpClientFactory httpClients, IOptions<TwilioOptions> options) : ISmsSender
{
    public const string HttpClientName = "twilio";
    private const int MaxErrorText = 200;

    public Task<SmsSendResult> SendAsync(string to, string text, CancellationToken cancellationToken) =>
        SendAsync(to, text, withStatusCallback: false, cancellationToken);

    public async Task<SmsSendResult> SendAsync(string to, string text, bool withStatusCallback, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = new CreateMessageOptions(new Twilio.Types.PhoneNumber(to)) { Body = text };
        if (!string.IsNullOrWhiteSpace(settings.MessagingServiceSid))
        {
            message.MessagingServiceSid = settings.MessagingServiceSid;
        }
        else
        {
            message.From = new Twilio.Types.PhoneNumber(settings.From);
        }

        if (withStatusCallback && settings.StatusCallbackUrl is { } callback)
        {
            message.StatusCallback = callback;
        }

        using var http = httpClients.CreateClient(HttpClientName);
        http.Timeout = settings.Timeout;
        await using var cancellation = cancellationToken.Register(http.CancelPendingRequests);
        var twilio = new TwilioRestClient(settings.AccountSid, settings.AuthToken, httpClient: new SystemNetHttpClient(http));
        try
        {
            var sent = await MessageResource.CreateAsync(message, twilio);
            return new SmsSendResult(Sent: true, ProviderId: sent.Sid);
        }
        catch (ApiException exception) when (exception.InnerException is Newtonsoft.Json.JsonException)
        {
            // A 2xx or 3xx whose body is not Twilio's message resource: not Twilio's answer to a message it took.
            return new SmsSendResult(Sent: false, Error: "Twilio's answer could not be read as a message");
        }
        catch (ApiException exception)
        {
            return Refused(exception.Status, exception.Code, exception.Message);
        }
        catch (ApiStandardException exception)
        {
            return Refused(exception.Status, exception.Code, exception.Message);
        }
        catch (ApiConnectionException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (ApiConnectionException exception) when (exception.InnerException is OperationCanceledException)
        {
            return new SmsSendResult(Sent: false, Error: $"Twilio did not answer within {settings.Timeout.TotalSeconds:0.#} s");
        }
        catch (ApiConnectionException exception)
        {
            return new SmsSendResult(Sent: false, Error: $"Twilio could not be reached: {(exception.InnerException ?? exception).Message}");
        }
    }

    /// <summary>An error answer: permanent only for a recipient Twilio cannot use, and never when it is a rate limit.</summary>
    private static SmsSendResult Refused(int status, int code, string? message)
    {
        var details = string.IsNullOrWhiteSpace(message) ? "no details" : message.ReplaceLineEndings(" ");
        var error = string.Create(
            CultureInfo.InvariantCulture,
            $"Twilio answered{(status == 0 ? string.Empty : $" HTTP {status}")}{(code == 0 ? string.Empty : $" error {code}")}: {(details.Length <= MaxErrorText ? details : details[..MaxErrorText])}");
        var permanent = TwilioErrors.IsPermanent(code) && status != (int)HttpStatusCode.TooManyRequests;
        return new SmsSendResult(Sent: false, permanent, error);
    }
}
