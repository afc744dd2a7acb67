using System.Net.Http;
using Microsoft.Extensions.Options;

namespace RiskPlatform.Infrastructure.Sms;

/// <summary>
/// Sends the Twilio SDK's requests (always to <c>https://api.twilio.com</c>) to <see cref="TwilioOptions.BaseUrl"/>, the
/// path kept: Twilio's API by default, a fake in the tests.
/// </summary>
internal sealed class TwilioBaseUrlHandler(IOptions<TwilioOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri)
        {
            request.RequestUri = new Uri(options.Value.BaseUrl, uri.PathAndQuery.TrimStart('/'));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
