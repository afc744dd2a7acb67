using Microsoft.Extensions.Options;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Api.FunctionalTests.Platform;

/// <summary>A misconfigured service refuses to start before it touches the database.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Jwt:SigningKey", "", "Jwt:SigningKey")]
    [InlineData("Jwt:SigningKey", "dG9vLXNob3J0", "Jwt:SigningKey")]
    [InlineData("Jwt:SigningKeys:2026-06", "dG9vLXNob3J0", "Jwt:SigningKeys:2026-06")]
    [InlineData("Jwt:ActiveKeyId", "2026-06", "Jwt:ActiveKeyId")]
    [InlineData("Encryption:ActiveKeyVersion", "7", "Encryption:ActiveKeyVersion")]
    [InlineData("Accounts:AdminEmails:0", "ops@example.com", "users grant-admin")]
    [InlineData("RateLimits:Orders:PermitLimit", "0", "RateLimits")]
    [InlineData("Notifications:Realtime:SessionSweepInterval", "-00:00:01", "Notifications:Realtime:SessionSweepInterval")]
    [InlineData("Accounts:CommonPasswordsFile", "/nonexistent/riskplatform/common-passwords.txt", "Accounts:CommonPasswordsFile")]
    [InlineData("Push:Vapid:PrivateKey", "", "Push:Vapid:PrivateKey")]
    [InlineData("Push:Vapid:PrivateKey", TestSecrets.OtherVapidPrivateKey, "not one P-256 key pair")]
    [InlineData("Push:Vapid:Subject", "ops@example.com", "Push:Vapid:Subject")]
    [InlineData("Telemetry:Prometheus:Enabled", "true", "Telemetry:Prometheus:Port")]
    [InlineData("MarketData:MinuteBarRetentionDays", "0", "MarketData:MinuteBarRetentionDays")]
    [InlineData("MarketData:MinuteBarRetentionDays", "32", "MarketData:MinuteBarRetentionDays")]
    [InlineData("MarketData:MinuteBarCompactionInterval", "00:00:00", "MarketData:MinuteBarCompactionInterval")]
    public async Task Start_WhenACriticalOptionIsInvalid_FailsNamingItBeforeCreatingOrMigratingTheDatabase(string setting, string value, string named)
    {
        var path = Path.Combine(Path.GetTempPath(), $"riskplatform-startup-{Guid.NewGuid():N}.db");
        try
        {
            await using var factory = new RiskPlatformApiFactory(
                DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False", new CapturingLogSink(), settings: new Dictionary<string, string?> { [setting] = value });

            var failure = Assert.ThrowsAny<Exception>(() => factory.Server);

            var validation = Assert.IsType<OptionsValidationException>(Unwrap(failure));
            Assert.Contains(named, validation.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(path), "the database was created (and migrated) before the options were validated");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Exception Unwrap(Exception exception) => exception switch
    {
        OptionsValidationException => exception,
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        { InnerException: { } inner } => Unwrap(inner),
        _ => exception,
    };
}
