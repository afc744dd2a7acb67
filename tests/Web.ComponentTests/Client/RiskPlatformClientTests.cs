using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Web.Client;
using RiskPlatform.Web.ComponentTests.Support;
using RiskPlatform.Web.Session;

namespace RiskPlatform.Web.ComponentTests.Client;

public sealed class RiskPlatformClientTests : WebAppTest
{
    private const string NewTokens = """{"access_token":"access-2","refresh_token":"refresh-2","token_type":"bearer","expires_in":900}""";

    private RiskPlatformClient Client => Services.GetRequiredService<RiskPlatformClient>();

    [Fact]
    public async Task Request_WhenTheAccessTokenIsAboutToExpire_RefreshesFirstAndKeepsTheNewTokens()
    {
        Store.Stored = Store.Stored! with { AccessTokenExpiresAt = DateTimeOffset.UtcNow.AddSeconds(10) };
        Api.On(HttpMethod.Post, "auth/refresh", HttpStatusCode.OK, NewTokens)
            .On(HttpMethod.Get, "notifications/stats", HttpStatusCode.OK, """{"total_unread":2,"recent_count":2}""");
        await SignedInAsync();

        var stats = await Client.GetNotificationStatsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, stats.TotalUnread);
        Assert.Contains("\"refresh_token\":\"refresh-1\"", Api.Single(HttpMethod.Post, "auth/refresh").Body, StringComparison.Ordinal);
        Assert.Equal("access-2", Api.Single(HttpMethod.Get, "notifications/stats").BearerToken);
        Assert.Equal("refresh-2", Store.Stored?.RefreshToken);
    }

    [Fact]
    public async Task Request_WhenAnsweredUnauthorized_RefreshesOnceAndRetries()
    {
        Api.On(HttpMethod.Get, "api-keys", HttpStatusCode.Unauthorized, """{"title":"Unauthorized.","status":401}""")
            .On(HttpMethod.Post, "auth/refresh", HttpStatusCode.OK, NewTokens)
            .On(HttpMethod.Get, "api-keys", HttpStatusCode.OK, "[]");
        await SignedInAsync();

        var keys = await Client.ListBrokerKeysAsync(TestContext.Current.CancellationToken);

        Assert.Empty(keys);
        Assert.Equal(["access-1", "access-2"], Api.Requests.Where(r => r.Path == "api-keys").Select(r => r.BearerToken));
    }

    [Fact]
    public async Task Request_WhenTheRefreshIsRefused_SignsOutAndClearsTheStoredSession()
    {
        Store.Stored = Store.Stored! with { AccessTokenExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1) };
        Api.On(HttpMethod.Post, "auth/refresh", HttpStatusCode.Unauthorized, """{"title":"Unauthorized.","status":401,"code":"invalid_refresh_token"}""");

        await Assert.ThrowsAsync<ApiProblemException>(() => Client.RestoreSessionAsync(TestContext.Current.CancellationToken));

        Assert.False(Services.GetRequiredService<ApiSession>().IsSignedIn);
        Assert.Null(Store.Stored);
    }

    [Fact]
    public async Task Problem_WithRetryAfterAndNoBody_ReadsTheStatusAndTheWait()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent(string.Empty) };
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(30));

        var problem = await ApiProblemException.ReadAsync(response, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, problem.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), problem.RetryAfter);
        Assert.Empty(problem.For("email"));
    }
}
