using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Platform;

/// <summary>
/// Browser and transport hardening: nosniff everywhere, no caching of auth answers, a content security policy on HTML, and
/// (on a host configured as production would be) HTTPS redirection and HSTS.
/// </summary>
public abstract class SecurityHeadersTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    [Fact]
    public async Task AuthResponses_AreNeverCached_AndNoResponseIsSniffed()
    {
        var client = Anonymous();
        await client.SignInAsNewUserAsync($"headers-{Guid.NewGuid():N}@example.com", "Correct-Horse-42");

        var login = await client.PostAsync("/api/v1/auth/login", new { email = "nobody@example.com", password = "Wrong-Horse-42" });
        var refused = await client.PostAsync("/api/v1/auth/refresh", new { refresh_token = client.RefreshToken });
        var me = await client.GetAsync("/api/v1/auth/me");
        var other = await client.GetAsync("/api/v1/risk-rules");

        foreach (var response in new[] { login, refused, me })
        {
            Assert.True(response.Headers.CacheControl?.NoStore, $"{response.Status} without Cache-Control: no-store");
        }

        Assert.Null(other.Headers.CacheControl);
        foreach (var response in new[] { login, refused, me, other })
        {
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        }
    }

    [Fact]
    public async Task WebAppPages_CarryARestrictiveContentSecurityPolicy_AndApiAnswersNone()
    {
        using var http = Fixture.Factory.CreateClient();

        using var page = await http.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        using var api = await http.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var policy = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.False(api.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task OnAHostConfiguredForProduction_PlainHttpIsRedirectedAndHttpsAnswersCarryHsts()
    {
        await using var host = new RiskPlatformApiFactory(
            Fixture.Provider,
            Fixture.ConnectionString,
            Fixture.Logs,
            settings: new Dictionary<string, string?> { ["Https:Redirect"] = "true", ["Https:Hsts"] = "true", ["Https:Port"] = "443" });
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false };

        options.BaseAddress = new Uri("http://api.riskplatform.test");
        using var plain = host.CreateClient(options);
        using var redirected = await plain.GetAsync(new Uri("/api/v1/auth/me", UriKind.Relative), TestContext.Current.CancellationToken);
        options.BaseAddress = new Uri("https://api.riskplatform.test");
        using var secure = host.CreateClient(options);
        using var answered = await secure.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.PermanentRedirect, redirected.StatusCode);
        Assert.Equal(new Uri("https://api.riskplatform.test/api/v1/auth/me"), redirected.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(answered.Headers.GetValues("Strict-Transport-Security")));
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class SecurityHeadersTestsOnSqlite(SqliteApiFixture fixture) : SecurityHeadersTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class SecurityHeadersTestsOnPostgres(PostgresApiFixture fixture) : SecurityHeadersTests(fixture);
