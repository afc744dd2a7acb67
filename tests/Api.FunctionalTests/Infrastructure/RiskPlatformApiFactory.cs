using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Infrastructure.Identity;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;
using Serilog.Core;

namespace RiskPlatform.Api.FunctionalTests.Infrastructure;

/// <summary>The real service in memory, on a chosen database, with its log events captured.</summary>
public sealed class RiskPlatformApiFactory(
    DatabaseProvider provider,
    string connectionString,
    CapturingLogSink logSink,
    Action<IServiceCollection>? configureServices = null,
    IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>PBKDF2 iterations of the in-process test hosts' password hasher (see <see cref="ConfigureWebHost"/>).</summary>
    public const int TestPasswordHashIterations = 1_000;

    private const string PasswordHashIterationsKey = "Accounts:PasswordHashIterations";

    /// <summary>The discard port on the loopback interface: nothing listens there.</summary>
    public const string ClosedLocalUrl = "http://127.0.0.1:9";

    /// <summary>The same closed port as a WebSocket URL.</summary>
    public const string ClosedLocalStreamUrl = "ws://127.0.0.1:9";

    /// <summary>The admin that publishes quotes in the tests (see <see cref="FunctionalTest"/>).</summary>
    public const string MarketFeedEmail = "market-feed@riskplatform.test";

    /// <summary>
    /// The settings of every test host (in process here, or as a real process in the crash tests) on a database: fixed
    /// secrets, no rate limits, no reachable Alpaca, no background timers, and a one-node actor cluster of its
    /// own on ports no other host uses.
    /// </summary>
    public static Dictionary<string, string?> TestSettings(DatabaseProvider provider, string connectionString)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:RiskPlatform"] = connectionString,
            ["Jwt:SigningKey"] = TestSecrets.JwtSigningKey,
            ["Encryption:ActiveKeyVersion"] = "1",
            ["Encryption:MasterKeys:1"] = TestSecrets.MasterKeyV1,
            ["Audit:ActiveHmacKeyVersion"] = "1",
            ["Audit:HmacKeys:1"] = TestSecrets.AuditHmacKeyV1,
            ["Push:Vapid:PublicKey"] = TestSecrets.VapidPublicKey,
            ["Push:Vapid:PrivateKey"] = TestSecrets.VapidPrivateKey,
            ["Push:Vapid:Subject"] = TestSecrets.VapidSubject,
            ["Serilog:MinimumLevel:Default"] = "Debug",

            // A shared host serves thousands of requests from one test "client" within minutes: the rate limits are off
            // except in the hosts of the tests about them (RateLimitTests).
            ["RateLimits:Enabled"] = "false",

            // Tests that count the mail an SMTP server receives count notifications; the verification link a registration
            // sends is switched on by the tests about it (EmailVerificationTests).
            ["Accounts:SendVerificationEmailOnRegister"] = "false",

            // Thousands of sign-ups and sign-ins: the configured count is the lowest allowed (ASP.NET Core Identity's default),
            // and the hasher itself runs at TestPasswordHashIterations (ConfigureWebHost). PasswordPolicyTests hold the
            // production count and the rehash to account.
            [PasswordHashIterationsKey] = "100000",

            // The test servers speak plain HTTP on loopback; SecurityHeadersTests switch these on.
            ["Https:Redirect"] = "false",
            ["Https:Hsts"] = "false",

            // No test reaches the real Alpaca: by default it is a closed local port (connection refused at once);
            // the Alpaca tests point these at their fake server.
            ["Brokers:Alpaca:PaperUrl"] = ClosedLocalUrl,
            ["Brokers:Alpaca:LiveUrl"] = ClosedLocalUrl,
            ["Brokers:Alpaca:DataUrl"] = ClosedLocalUrl,
            ["Brokers:Alpaca:StreamUrl"] = ClosedLocalStreamUrl,
            ["Brokers:Alpaca:LiveStreamUrl"] = ClosedLocalStreamUrl,
            ["Brokers:Alpaca:DataStreamUrl"] = ClosedLocalStreamUrl,

            // Alpaca's streams are off: with them every bound key would reconcile its open orders at start and read its positions
            // for the market-data subscription, reading Alpaca behind the back of tests that count its requests. The stream tests
            // (AlpacaTradeUpdatesTests, AlpacaMarketDataStreamTests) turn them on.
            ["Brokers:Alpaca:StreamsEnabled"] = "false",

            // The monitor's poller and compaction timers are off: tests drive the monitor by quotes and fills and wait for it.
            ["Monitoring:PollInterval"] = "00:00:00",
            ["Monitoring:CompactionInterval"] = "00:00:00",
            // Every fill evaluated at once and every mark a point: tests wait for the monitor after each request
            // (MonitorIdleHandler) and count points; MonitorCoalescingTests cover the production defaults.
            ["Monitoring:FillCoalescing"] = "00:00:00",
            ["Monitoring:EquityPointInterval"] = "00:00:00",

            // The retry sweep is off (an hour): a test class may run a second host on its database (AlpacaHost, cluster
            // nodes), and the sweep of one would run the other's pending monitor actions on its own silo — two actors of one
            // account, which a deployment never has (its nodes on one database form one cluster). Seen: a liquidation at the
            // fake Alpaca whose record was refused as a conflict because the fixture's host had tried the same action.
            // MonitorBackgroundTests sets a short interval on its own host.
            ["Monitoring:ActionRetryInterval"] = "01:00:00",
        };
        foreach (var (key, value) in FreeTcpPorts.SiloSettings())
        {
            settings[key] = value;
        }

        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in TestSettings(provider, connectionString))
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILogEventSink>(logSink);
            if (settings?.ContainsKey(PasswordHashIterationsKey) != true)
            {
                // Every test signs up and in: below the lowest count the service accepts (100,000), to keep the suite's CPU for
                // what it tests. The hasher is the service's own; hosts that set the count (PasswordPolicyTests) keep theirs.
                services.AddSingleton<IPasswordHasher>(new PasswordHasherAdapter(
                    Options.Create(new AccountOptions { PasswordHashIterations = TestPasswordHashIterations })));
            }

            configureServices?.Invoke(services);
        });
    }
}
