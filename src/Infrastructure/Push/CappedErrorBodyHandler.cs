using System.Net.Http;

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

        var buffer = new byte[maxBytes];
        var read = 0;
        await using (var stream = await response.Content.ReadAsStreamAsync(cancellationToken))
        {
            while (read < buffer.Length)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }
        }

        var original = response.Content;
        response.Content = new ByteArrayContent(buffer, 0, read);
        foreach (var header in original.Headers.Where(h => h.Key != "Content-Length"))
        {
            response.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        original.Dispose();
        return response;
    }
}
