using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RiskPlatform.Client;

/// <summary>
/// A ready client: an <see cref="HttpClient"/> on the service's base address with <see cref="TokenRefreshHandler"/> in front of
/// <paramref name="innerHandler"/> (a plain <see cref="SocketsHttpHandler"/> unless given, e.g. a test server's handler).
/// </summary>
public sealed class RiskPlatformConnection : IDisposable
{
    private readonly HttpClient _http;

    public RiskPlatformConnection(Uri baseAddress, HttpMessageHandler? innerHandler = null, RiskPlatformTokens? tokens = null)
    {
        Tokens = tokens ?? new RiskPlatformTokens();
        _http = new HttpClient(new TokenRefreshHandler(Tokens) { InnerHandler = innerHandler ?? new SocketsHttpHandler() })
        {
            BaseAddress = baseAddress,
        };
        // The problem body is kept as text too, so every RiskPlatformApiException can read its code, detail and field errors.
        Api = new RiskPlatformClient(_http) { ReadResponseAsString = true };
    }

    public RiskPlatformTokens Tokens { get; }

    /// <summary>Every operation of the API, named after its operationId (<c>PlaceOrderAsync</c>, <c>CreateRiskRuleAsync</c>, …).</summary>
    public IRiskPlatformClient Api { get; }

    /// <summary>
    /// Signs in with email and password and keeps the tokens for every later request. Returns null when signed in, or the MFA
    /// challenge to answer with <c>VerifyMfaAsync</c> (then call <see cref="RiskPlatformTokens.Set(TokenResponse)"/> with its
    /// answer). Read here rather than through <c>LoginAsync</c>: the document declares only the challenge as login's answer.
    /// </summary>
    public async Task<MfaChallengeResponse?> SignInAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(JsonConvert.SerializeObject(new LoginCommand { Email = email, Password = password }), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri("api/v1/auth/login", UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new RiskPlatformApiException("Sign-in was refused.", (int)response.StatusCode, text, Headers(response), null);
        }

        var answer = JObject.Parse(text);
        if (answer["mfa_required"]?.Value<bool>() == true)
        {
            return answer.ToObject<MfaChallengeResponse>();
        }

        Tokens.Set(answer.ToObject<TokenResponse>()!);
        return null;
    }

    private static Dictionary<string, IEnumerable<string>> Headers(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => h.Value);

    public void Dispose() => _http.Dispose();
}
