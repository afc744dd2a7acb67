using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using RiskPlatform.Api.FunctionalTests.ApiKeys;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Telemetry;

/// <summary>
/// <c>/metrics</c> in the Prometheus text format, on the scrape port only, with the service's own meters. A real Kestrel
/// host listening on two loopback ports (the in-memory server has no local port to tell them apart), on its own SQLite file.
/// Other hosts in this process record on meters of the same name, which the exporter also sees: counts are "at least".
/// </summary>
public sealed class PrometheusScrapeTests : IDisposable
{
    private readonly string _database = SqliteTestFiles.NewPath("prometheus");

    [Fact]
    public async Task Scrape_OnTheScrapePortOnly_ShowsTheServicesOwnMetersAndThatPortServesNothingElse()
    {
        var (apiPort, scrapePort) = (SmtpTestServer.FreePort(), SmtpTestServer.FreePort());
        await using var factory = new RiskPlatformApiFactory(
            DatabaseProvider.Sqlite,
            $"Data Source={_database}",
            new CapturingLogSink(),
            settings: new Dictionary<string, string?>
            {
                ["Telemetry:Prometheus:Enabled"] = "true",
                ["Telemetry:Prometheus:Port"] = scrapePort.ToString(CultureInfo.InvariantCulture),
            });
        factory.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, apiPort);
            options.Listen(IPAddress.Loopback, scrapePort);
        });
        factory.StartServer();
        Assert.Null(factory.Services.GetService<TracerProvider>()); // a scrape reads metrics only: no span is ever started
        using var feed = new ApiClient(Client(apiPort));
        await feed.SignInAsNewAdminAsync(factory.Services, RiskPlatformApiFactory.MarketFeedEmail, "Correct-Horse-42");
        using var trader = new ApiClient(Client(apiPort));
        await trader.SignInAsNewUserAsync("scraped-trader@example.com", "Correct-Horse-42");
        (await feed.PutAsync("/api/v1/market/quotes/AAPL", new { price = 100m })).EnsureStatus(HttpStatusCode.OK);
        (await trader.PostAsync("/api/v1/risk-rules", new
        {
            name = "order cap",
            rule_type = "max_order_value",
            threshold_value = 1_550m,
            threshold_unit = "dollars",
            action = "block",
        })).EnsureStatus(HttpStatusCode.Created);
        (await trader.PostAsync("/api/v1/orders", new { symbol = "AAPL", side = "buy", qty = 20m, type = "market", time_in_force = "day" }))
            .EnsureProblem(HttpStatusCode.UnprocessableEntity);
        await ApiKeyTestData.CreateAsync(trader, "scraped key");
        using var scraper = Client(scrapePort);

        var scrape = await Eventually.ReturnsAsync(
            () => scraper.GetAsync("/metrics"),
            response => response.StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(10),
            "/metrics answered on the scrape port");
        Assert.StartsWith("text/plain", scrape.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var text = await scrape.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.True(Value(text, "riskplatform_orders_total", "outcome=\"blocked\"") >= 1, text);
        Assert.True(Value(text, "riskplatform_order_blocks_total", "rule_type=\"max_order_value\"") >= 1, text);
        Assert.True(Value(text, "riskplatform_pretrade_duration_seconds_count", "outcome=\"blocked\"") >= 1, text);
        Assert.True(Value(text, "riskplatform_vault_operations_total", "kind=\"seal\"") >= 1, text);
        Assert.Contains("# TYPE riskplatform_pretrade_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket", text, StringComparison.Ordinal); // ASP.NET Core's meter
        Assert.DoesNotContain("scraped-trader", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AAPL", text, StringComparison.Ordinal); // bounded labels: never a symbol or a user

        // The scrape port serves nothing else: no second way into the API.
        Assert.Equal(HttpStatusCode.NotFound, (await scraper.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
        using var signIn = new ApiClient(Client(scrapePort));
        Assert.Equal(HttpStatusCode.NotFound, (await signIn.PostAsync("/api/v1/auth/login", new { email = "scraped-trader@example.com", password = "Correct-Horse-42" })).Status);

        // The API's port never serves the scrape, whatever Host the caller claims.
        using var api = Client(apiPort);
        using var onApiPort = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        onApiPort.Headers.Host = $"127.0.0.1:{scrapePort}";
        var refused = await api.SendAsync(onApiPort, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    public void Dispose() => SqliteTestFiles.Delete(_database);

    private static HttpClient Client(int port) => new() { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

    /// <summary>The sum of a series' samples whose labels include <paramref name="label"/> (NaN when there is none).</summary>
    private static double Value(string text, string series, string label)
    {
        var samples = Regex.Matches(text, $@"^{Regex.Escape(series)}\{{(?<labels>[^}}]*)\}} (?<value>\S+)", RegexOptions.Multiline)
            .Where(m => m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))
            .Select(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture))
            .ToList();
        return samples.Count == 0 ? double.NaN : samples.Sum();
    }
}
