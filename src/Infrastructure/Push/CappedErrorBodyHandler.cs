using System.Net.Http;
using RiskPlatform.Infrastructure.Notifications;

namespace RiskPlatform.Infrastructure.Push;

/// <summary>
/// Replaces the body of a failed answer with at most <paramref name="maxBytes"/> of it before anyone reads it: the push
/// client reads an error body whole, and a push endpoint is a URL a user chose.
/// </summary>
internal sealed class CappedErrorBodyHandler(int maxBytes) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        var body = await ResponseBodies.ReadAtMostAsync(response.Content, maxBytes, cancellationToken);
        var original = response.Content;
        response.Content = new ByteArrayContent(body);
        foreach (var header in original.Headers.Where(h => h.Key != "Content-Length"))
        {
            response.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        original.Dispose();
        return response;
    }
}
