using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
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
    /// <summary>The discard port on the loopback interface: nothing listens there.</summary>
    public const string ClosedLocalUrl = "http://127.0.0.1:9";

    /// <summary>The admin that publishes quotes in the tests (see <see cref="FunctionalTest"/>).</summary>
    public const string MarketFeedEmail = "market-feed@riskplatform.test";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("ConnectionStrings:RiskPlatform", connectionString);
        builder.UseSetting("Jwt:SigningKey", TestSecrets.JwtSigningKey);
        builder.UseSetting("Encryption:ActiveKeyVersion", "1");
        builder.UseSetting("Encryption:MasterKeys:1", TestSecrets.MasterKeyV1);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Debug");
        builder.UseSetting("Accounts:AdminEmails:0", MarketFeedEmail);

        // No test reaches the real Alpaca: by default it is a closed local port (connection refused at once);
        // the Alpaca tests point these at their fake server.
        builder.UseSetting("Brokers:Alpaca:PaperUrl", ClosedLocalUrl);
        builder.UseSetting("Brokers:Alpaca:LiveUrl", ClosedLocalUrl);
        builder.UseSetting("Brokers:Alpaca:DataUrl", ClosedLocalUrl);

        // The monitor's poller and compaction timers are off: tests drive the monitor by quotes and fills and wait for it.
        builder.UseSetting("Monitoring:PollInterval", "00:00:00");
        builder.UseSetting("Monitoring:CompactionInterval", "00:00:00");

        // Every test host is a one-node actor cluster of its own, on ports no other host uses.
        foreach (var (key, value) in FreeTcpPorts.SiloSettings())
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
            configureServices?.Invoke(services);
        });
    }
}
