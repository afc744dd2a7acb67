using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;

namespace RiskPlatform.Client;

/// <summary>
/// Sends the access token with every request and, when the service answers 401 to a request that carried one, exchanges the
/// refresh token for a new pair (<c>POST /api/v1/auth/refresh</c>) and sends the request once more. Refresh tokens are single
/// use (a reuse revokes the whole session), so concurrent 401s refresh once: whoever comes second finds the token already
/// replaced and only retries. A refused refresh clears the tokens and hands back the original 401.
/// </summary>
public sealed class TokenRefreshHandler(RiskPlatformTokens tokens) : DelegatingHandler
{
    private const string RefreshPath = "api/v1/auth/refresh";
    private readonly SemaphoreSlim _refreshing = new(1, 1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var sentWith = Authorize(request);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || sentWith is null || IsAuthRoute(request.RequestUri))
        {
            return response;
        }

        if (!await RefreshAsync(request.RequestUri!, sentWith, cancellationToken).ConfigureAwait(false))
        {
            return response;
        }

        response.Dispose();
        using var retry = Copy(request, body);
        Authorize(retry);
        return await base.SendAsync(retry, cancellationToken).ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _refreshing.Dispose();
        }

        base.Dispose(disposing);
    }

    private string? Authorize(HttpRequestMessage request)
    {
        var accessToken = tokens.AccessToken;
        if (accessToken is not null && request.Headers.Authorization is null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return request.Headers.Authorization?.Parameter;
    }

    /// <summary>True when the tokens are fresher than <paramref name="rejected"/> (refreshed now or by a concurrent request).</summary>
    private async Task<bool> RefreshAsync(Uri requestUri, string rejected, CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (tokens.AccessToken is { } current && current != rejected)
            {
                return true;
            }

            if (tokens.RefreshToken is not { } refreshToken)
            {
                return false;
            }

            var root = new Uri(requestUri.GetLeftPart(UriPartial.Authority) + "/");
            using var refresh = new HttpRequestMessage(HttpMethod.Post, new Uri(root, RefreshPath))
            {
                Content = new StringContent(JsonConvert.SerializeObject(new { refresh_token = refreshToken }), Encoding.UTF8, "application/json"),
            };
            using var answer = await base.SendAsync(refresh, cancellationToken).ConfigureAwait(false);
            if (!answer.IsSuccessStatusCode)
            {
                tokens.Clear();
                return false;
            }

            var pair = JsonConvert.DeserializeObject<TokenResponse>(await answer.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            if (pair is null)
            {
                return false;
            }

            tokens.Set(pair);
            return true;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private static bool IsAuthRoute(Uri? uri) =>
        uri?.AbsolutePath.Contains("/api/v1/auth/", StringComparison.Ordinal) == true && !uri.AbsolutePath.EndsWith("/me", StringComparison.Ordinal);

    private static HttpRequestMessage Copy(HttpRequestMessage request, byte[]? body)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
        foreach (var header in request.Headers.Where(h => h.Key != "Authorization"))
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in request.Content!.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return copy;
    }
}
