using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Platform;

/// <summary>
/// CORS: a browser on an origin listed in <c>Cors:AllowedOrigins</c> gets its preflight answered (no credentials; Retry-After and
/// Location exposed); any other origin, and every origin when none is configured, gets no CORS headers, so the browser refuses.
/// The database is irrelevant here, so the class runs on SQLite only.
/// </summary>
[Collection(nameof(SqliteCollection))]
public sealed class CrossOriginTests(SqliteApiFixture fixture) : FunctionalTest(fixture)
{
    private const string AllowedOrigin = "http://localhost:3000";

    private RiskPlatformApiFactory Host(params string[] allowedOrigins) =>
        new(Fixture.Provider, Fixture.ConnectionString, Fixture.Logs, settings: allowedOrigins
            .Select((origin, index) => KeyValuePair.Create($"Cors:AllowedOrigins:{index}", (string?)origin))
            .ToDictionary());

    private static async Task<HttpResponseMessage> PreflightAsync(RiskPlatformApiFactory host, string origin)
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/risk-rules");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Preflight_FromAnAllowedOrigin_AllowsTheCallWithoutCredentials()
    {
        await using var host = Host(AllowedOrigin, "https://trader.example.com");

        using var response = await PreflightAsync(host, AllowedOrigin);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(AllowedOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", string.Join(',', response.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
        var allowedHeaders = string.Join(',', response.Headers.GetValues("Access-Control-Allow-Headers"));
        Assert.Contains("authorization", allowedHeaders, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("content-type", allowedHeaders, StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Request_FromAnAllowedOrigin_ExposesRetryAfterAndLocation()
    {
        await using var host = Host(AllowedOrigin);
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("Origin", AllowedOrigin);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(AllowedOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var exposed = string.Join(',', response.Headers.GetValues("Access-Control-Expose-Headers"));
        Assert.Contains("Retry-After", exposed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Location", exposed, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("http://evil.example.com", AllowedOrigin)]
    [InlineData("http://localhost:3001", AllowedOrigin)]
    [InlineData(AllowedOrigin, null)] // none configured: the default
    public async Task Preflight_FromARefusedOrigin_GetsNoCorsHeaders(string origin, string? allowedOrigin)
    {
        await using var host = allowedOrigin is null ? Host() : Host(allowedOrigin);

        using var response = await PreflightAsync(host, origin);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"), $"{origin} was allowed");
        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task Start_WithAnOriginThatIsNotAnOrigin_FailsNamingTheSetting()
    {
        await using var host = Host("localhost:3000/app");

        var error = Assert.ThrowsAny<Exception>(() => host.Server);

        Assert.Contains("Cors:AllowedOrigins:0", error.ToString(), StringComparison.Ordinal);
    }
}
