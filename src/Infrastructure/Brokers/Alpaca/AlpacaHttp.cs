using System.Net.Http.Headers;
using System.Text;

namespace RiskPlatform.Infrastructure.Brokers.Alpaca;

/// <summary>Request building and bounded reading shared by the Alpaca adapters.</summary>
internal static class AlpacaHttp
{
    public const string KeyIdHeader = "APCA-API-KEY-ID";
    public const string SecretHeader = "APCA-API-SECRET-KEY";

    /// <summary>
    /// Builds a request carrying the credential headers. Called inside the decryption callback: the header strings are
    /// the only copies of the credentials and live as long as the request (disposed by the caller after one send).
    /// </summary>
    public static HttpRequestMessage Build(HttpMethod method, Uri uri, ReadOnlySpan<byte> apiKey, ReadOnlySpan<byte> apiSecret, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation(KeyIdHeader, Encoding.UTF8.GetString(apiKey));
        request.Headers.TryAddWithoutValidation(SecretHeader, Encoding.UTF8.GetString(apiSecret));
        return request;
    }

    /// <summary>Reads the body, refusing more than <see cref="AlpacaOptions.MaxResponseBytes"/> (by Content-Length and while reading).</summary>
    public static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is > AlpacaOptions.MaxResponseBytes)
        {
            throw new AlpacaResponseTooLargeException();
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > AlpacaOptions.MaxResponseBytes)
            {
                throw new AlpacaResponseTooLargeException();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
