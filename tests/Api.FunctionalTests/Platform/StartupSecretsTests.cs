using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.TestSupport;
using Serilog.Core;

namespace RiskPlatform.Api.FunctionalTests.Platform;

/// <summary>
/// The quick start as a new user meets it: a fresh content root with no configuration at all (no appsettings, no secrets,
/// the default SQLite file under <c>data/</c>). Development generates the missing secrets and serves; any other environment
/// refuses to start and names the missing setting.
/// </summary>
public sealed class StartupSecretsTests : IDisposable
{
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("riskplatform-startup-").FullName;

    [Fact]
    public async Task Start_WhenDevelopmentHasNoSecretsConfigured_GeneratesThemWarnsAndServes()
    {
        var logs = new CapturingLogSink();
        string servedVapidKey;
        await using (var host = new StartupHostFactory("Development", _contentRoot, logs))
        {
            using var client = new ApiClient(host.CreateClient());

            (await client.GetAsync("/health/live")).EnsureStatus(HttpStatusCode.OK);
            (await client.GetAsync("/health/ready")).EnsureStatus(HttpStatusCode.OK);

            // The generated signing key really signs and validates tokens; the generated master key really seals a credential.
            await client.SignInAsNewUserAsync("quickstart@example.com", "Correct-Horse-42");
            (await client.GetAsync("/api/v1/auth/me")).EnsureStatus(HttpStatusCode.OK);
            (await client.PostAsync("/api/v1/api-keys", new { broker = "alpaca", name = "dev key", api_key = "PKDEV1234567890", api_secret = "dev-secret-0123456789" }))
                .EnsureStatus(HttpStatusCode.Created);
            servedVapidKey = (await client.GetAsync("/api/v1/notifications/push-subscriptions/vapid-public-key")).EnsureStatus(HttpStatusCode.OK).Body!["public_key"]!.GetValue<string>();
        }

        var secretsPath = Path.Combine(_contentRoot, "data", "dev-secrets.json");
        Assert.True(File.Exists(secretsPath), "no dev-secrets.json under the content root's data directory");
        Assert.True(File.Exists(Path.Combine(_contentRoot, "data", "riskplatform.db")), "no SQLite database under the content root's data directory");
        var secrets = JsonNode.Parse(await File.ReadAllTextAsync(secretsPath, TestContext.Current.CancellationToken))!;
        Assert.Equal(32, Convert.FromBase64String(secrets["Jwt"]!["SigningKey"]!.GetValue<string>()).Length);
        Assert.Equal(32, Convert.FromBase64String(secrets["Encryption"]!["MasterKeys"]!["1"]!.GetValue<string>()).Length);
        var vapidPublicKey = secrets["Push"]!["Vapid"]!["PublicKey"]!.GetValue<string>();
        Assert.Equal(65, RiskPlatform.Domain.Notifications.Push.PushSubscription.FromBase64Url(vapidPublicKey)!.Length);
        Assert.Equal(32, RiskPlatform.Domain.Notifications.Push.PushSubscription.FromBase64Url(secrets["Push"]!["Vapid"]!["PrivateKey"]!.GetValue<string>())!.Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretsPath));
        }

        Assert.True(logs.Contains("Jwt:SigningKey is not configured"), "no warning about the generated signing key");
        Assert.True(logs.Contains("Encryption:MasterKeys is not configured"), "no warning about the generated master key");
        Assert.True(logs.Contains("Push:Vapid is not configured"), "no warning about the generated VAPID key pair");
        Assert.Equal(vapidPublicKey, servedVapidKey);
    }

    [Fact]
    public async Task Start_WhenDevelopmentRestartsOnTheSameContentRoot_ReusesTheGeneratedSecrets()
    {
        const string email = "restart@example.com";
        const string password = "Correct-Horse-42";
        string refreshToken;
        await using (var first = new StartupHostFactory("Development", _contentRoot, new CapturingLogSink()))
        {
            using var client = new ApiClient(first.CreateClient());
            await client.SignInAsNewUserAsync(email, password);
            (await client.PostAsync("/api/v1/api-keys", new { broker = "alpaca", name = "kept", api_key = "PKKEPT1234567890", api_secret = "kept-secret-0123456789" }))
                .EnsureStatus(HttpStatusCode.Created);
            refreshToken = client.RefreshToken!;
        }

        var secretsBefore = await File.ReadAllTextAsync(Path.Combine(_contentRoot, "data", "dev-secrets.json"), TestContext.Current.CancellationToken);
        var logs = new CapturingLogSink();
        await using var second = new StartupHostFactory("Development", _contentRoot, logs);
        using var again = new ApiClient(second.CreateClient());

        // The refresh token and the sealed key survive the restart only if the same secrets were reused.
        var refreshed = (await again.PostAsync("/api/v1/auth/refresh", new { refresh_token = refreshToken })).EnsureStatus(HttpStatusCode.OK);
        again.UseTokens(refreshed.Body!["access_token"]!.GetValue<string>(), refreshed.Body["refresh_token"]!.GetValue<string>());
        var key = (await again.GetAsync("/api/v1/api-keys")).EnsureStatus(HttpStatusCode.OK).Array.Single()!;
        var verified = (await again.PostAsync($"/api/v1/api-keys/{key["id"]!.GetValue<Guid>()}/verify")).EnsureStatus(HttpStatusCode.OK);

        Assert.True(verified.Body!["integrity_ok"]!.GetValue<bool>());
        Assert.Equal(secretsBefore, await File.ReadAllTextAsync(Path.Combine(_contentRoot, "data", "dev-secrets.json"), TestContext.Current.CancellationToken));
        Assert.True(logs.Contains("Using development secrets from"), "no warning that development secrets are in use");
        Assert.False(logs.Contains("is not configured; generated"), "secrets were generated again on restart");
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Start_WhenNotDevelopmentAndJwtSigningKeyIsMissing_FailsNamingTheSetting(string environment)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Encryption:ActiveKeyVersion"] = "1",
            ["Encryption:MasterKeys:1"] = TestSecrets.MasterKeyV1,
        };
        await using var host = new StartupHostFactory(environment, _contentRoot, new CapturingLogSink(), settings);

        var failure = Record.Exception(() => host.Server);

        Assert.NotNull(failure);
        Assert.Contains("Jwt:SigningKey", failure.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_contentRoot, "data", "dev-secrets.json")), "secrets were generated outside Development");
    }

    [Fact]
    public async Task Start_WhenNotDevelopmentAndTheVapidKeysAreMissing_FailsNamingThem()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Jwt:SigningKey"] = TestSecrets.JwtSigningKey,
            ["Encryption:ActiveKeyVersion"] = "1",
            ["Encryption:MasterKeys:1"] = TestSecrets.MasterKeyV1,
        };
        await using var host = new StartupHostFactory("Production", _contentRoot, new CapturingLogSink(), settings);

        var failure = Record.Exception(() => host.Server);

        Assert.NotNull(failure);
        Assert.Contains("Push:Vapid:PublicKey and Push:Vapid:PrivateKey are required", failure.ToString(), StringComparison.Ordinal);
        Assert.Contains("Push:Vapid:Subject is required", failure.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_contentRoot, "data", "dev-secrets.json")), "secrets were generated outside Development");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_contentRoot, recursive: true);
    }

    /// <summary>The real service with nothing configured but the environment, the content root and the given settings.</summary>
    private sealed class StartupHostFactory(
        string environment, string contentRoot, CapturingLogSink logs, IReadOnlyDictionary<string, string?>? settings = null)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            builder.UseContentRoot(contentRoot);

            // Nothing in the background reaches out or races the test: no broker calls, no poller.
            builder.UseSetting("Brokers:Alpaca:PaperUrl", RiskPlatformApiFactory.ClosedLocalUrl);
            builder.UseSetting("Brokers:Alpaca:LiveUrl", RiskPlatformApiFactory.ClosedLocalUrl);
            builder.UseSetting("Brokers:Alpaca:DataUrl", RiskPlatformApiFactory.ClosedLocalUrl);
            builder.UseSetting("Monitoring:PollInterval", "00:00:00");
            builder.UseSetting("Monitoring:CompactionInterval", "00:00:00");
            foreach (var (key, value) in FreeTcpPorts.SiloSettings())
            {
                builder.UseSetting(key, value);
            }

            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(logs));
        }
    }
}
