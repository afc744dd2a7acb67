namespace RiskPlatform.Api.FunctionalTests.Infrastructure;

/// <summary>
/// Base of every HTTP test. Each test class is written once against <see cref="ApiFixture"/> and run on SQLite and on
/// PostgreSQL by two one-line subclasses.
/// </summary>
public abstract class FunctionalTest(ApiFixture fixture) : IAsyncLifetime
{
    private ApiClient? _marketFeed;

    protected ApiFixture Fixture { get; } = fixture;

    public virtual async ValueTask InitializeAsync() => await Fixture.ResetAsync();

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected ApiClient Anonymous() => Fixture.CreateClient();

    /// <summary>
    /// The market-data feed: an admin (granted by the operator command), the only kind of user that may publish quotes.
    /// Registered on first use in each test.
    /// </summary>
    protected async Task<ApiClient> MarketFeedAsync()
    {
        if (_marketFeed is null)
        {
            var feed = Fixture.CreateClient();
            await feed.SignInAsNewAdminAsync(Fixture.Factory.Services, RiskPlatformApiFactory.MarketFeedEmail, "Correct-Horse-42");
            _marketFeed = feed;
        }

        return _marketFeed;
    }

    /// <summary>Registers a fresh user, signs in and returns a client that sends their bearer token.</summary>
    protected async Task<ApiClient> SignedInAsync(string? email = null, string password = "Correct-Horse-42")
    {
        var client = Fixture.CreateClient();
        await client.SignInAsNewUserAsync(email ?? $"user-{Guid.NewGuid():N}@example.com", password);
        return client;
    }
}
