using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using RiskPlatform.Api.Cli;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Api.FunctionalTests.Infrastructure;

/// <summary>An HTTP client speaking the wire format (snake_case JSON), returning JSON nodes so tests assert on what clients see.</summary>
public sealed class ApiClient(HttpClient http) : IDisposable
{
    public static readonly JsonSerializerOptions Json = CreateJsonOptions();

    public HttpClient Http { get; } = http;

    public Guid UserId { get; private set; }

    public string? AccessToken { get; private set; }

    public string? RefreshToken { get; private set; }

    public async Task SignInAsNewUserAsync(string email, string password)
    {
        await RegisterAsync(email, password);
        await SignInAsync(email, password);
    }

    /// <summary>
    /// Registers, has an operator grant admin the way <c>users grant-admin</c> does (the same command, in the host
    /// <paramref name="services"/> belong to), then signs in so the token carries the role.
    /// </summary>
    public async Task SignInAsNewAdminAsync(IServiceProvider services, string email, string password)
    {
        await RegisterAsync(email, password);
        await UsersCommandLine.ChangeRoleAsync(services, email, UserRole.Admin, CancellationToken.None);
        await SignInAsync(email, password);
    }

    public async Task RegisterAsync(string email, string password)
    {
        var registered = await PostAsync("/api/v1/auth/register", new { email, password, full_name = "Test Trader" });
        registered.EnsureStatus(HttpStatusCode.Created);
        UserId = registered.Body!["id"]!.GetValue<Guid>();
    }

    public async Task SignInAsync(string email, string password)
    {
        var tokens = await PostAsync("/api/v1/auth/login", new { email, password });
        tokens.EnsureStatus(HttpStatusCode.OK);
        UseTokens(tokens.Body!["access_token"]!.GetValue<string>(), tokens.Body!["refresh_token"]!.GetValue<string>());
    }

    public void UseTokens(string accessToken, string refreshToken)
    {
        AccessToken = accessToken;
        RefreshToken = refreshToken;
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
    }

    public Task<ApiResponse> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public Task<ApiResponse> DeleteAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Delete, path));

    public Task<ApiResponse> PostAsync(string path, object? body = null) => SendAsync(WithBody(HttpMethod.Post, path, body));

    public Task<ApiResponse> PutAsync(string path, object? body = null) => SendAsync(WithBody(HttpMethod.Put, path, body));

    /// <summary>A POST that reaches a host with <see cref="PeerAddressFilter"/> from the client address <paramref name="peer"/>.</summary>
    public Task<ApiResponse> PostFromAsync(string peer, string path, object body)
    {
        var request = WithBody(HttpMethod.Post, path, body);
        request.Headers.Add(PeerAddressFilter.Header, peer);
        return SendAsync(request);
    }

    public Task<ApiResponse> PostRawAsync(string path, string content, string mediaType = "application/json") =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(content, System.Text.Encoding.UTF8, mediaType) });

    public async Task<ApiResponse> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var isJson = response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true;
            var body = isJson && !string.IsNullOrWhiteSpace(text) ? JsonNode.Parse(text) : null;
            return new ApiResponse(response.StatusCode, body, text, response.Content.Headers.ContentType?.MediaType, response.Headers);
        }
    }

    public void Dispose() => Http.Dispose();

    private static HttpRequestMessage WithBody(HttpMethod method, string path, object? body) =>
        new(method, path) { Content = body is null ? null : JsonContent.Create(body, options: Json) };

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonDefaults.Apply(options);
        return options;
    }
}
