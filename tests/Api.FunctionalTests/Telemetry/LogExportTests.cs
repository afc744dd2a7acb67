using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;
using RiskPlatform.Api.FunctionalTests.ApiKeys;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Telemetry.Peers;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Telemetry;

/// <summary>
/// Logs as an OTLP collector receives them: a host with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> pointed at a fake collector over
/// OTLP/HTTP (<see cref="FakeOtlpCollector"/>), the protobuf decoded by the test (<see cref="OtlpLogDecoder"/>). Every request
/// of a test carries one W3C trace id, so its log records are found by it. On SQLite only: exporting logs reads no table.
/// </summary>
public sealed class LogExportTests() : DedicatedHostTest("log-export")
{
    private readonly ActivityTraceId _traceId = ActivityTraceId.CreateRandom();
    private readonly LockedList<Activity> _spans = new();

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task LogLines_WrittenDuringAnOrder_AreExportedWithThatRequestsTraceAndSpan()
    {
        var collector = Hosts.Track(await FakeOtlpCollector.StartAsync());
        var host = await StartExportingAsync(collector);
        await TracedOrder.PlaceAsync(host, _traceId);

        var records = await RecordsAsync(collector, rs => rs.Any(IsOrderRequestLog) && rs.Any(IsOrderHandledLog));
        Assert.All(collector.Received.Where(e => e.Path == "/v1/logs"), e => Assert.Equal("application/x-protobuf", e.ContentType));
        // The pipeline's "Handled {RequestName} in {ElapsedMilliseconds} ms" (Debug), or its "Slow request …" (Warning).
        var handled = records.First(IsOrderHandledLog);
        Assert.Matches(@"^(Handled|Slow request) ""PlaceOrderCommand"" (in|took) \d+ ms$", handled.Body);
        Assert.IsType<long>(handled.Attributes["ElapsedMilliseconds"]);
        Assert.Contains(handled.SeverityText, new[] { "Debug", "Warning" });
        Assert.NotEqual(default(ActivitySpanId), handled.SpanId.GetValueOrDefault());

        // The request's own line (Serilog's request logging) carries the id of the request's server span, as a trace shows it.
        var requestLog = records.Single(IsOrderRequestLog);
        Assert.Contains("/api/v1/orders", requestLog.Body, StringComparison.Ordinal);
        Assert.Equal(201L, requestLog.Attributes["StatusCode"]); // a number, not Serilog's rendering of one
        var serverSpan = await Eventually.ReturnsAsync(
            () => Task.FromResult(_spans.Snapshot().SingleOrDefault(s => s.TraceId == _traceId && s.Kind == ActivityKind.Server && s.GetTagItem("url.path") as string == "/api/v1/orders")),
            span => span is not null,
            TimeSpan.FromSeconds(20),
            "the order request's span was recorded");
        Assert.Equal(serverSpan!.SpanId, requestLog.SpanId);
    }

    [Fact]
    public async Task Secrets_SentToTheService_ReachNoExportedLogRecord()
    {
        var collector = Hosts.Track(await FakeOtlpCollector.StartAsync());
        var host = await StartExportingAsync(collector);
        var password = $"Canary-Pass-{Guid.NewGuid():N}";
        var apiKey = $"AKCANARY{Guid.NewGuid():N}".ToUpperInvariant();
        var apiSecret = $"canary-secret-{Guid.NewGuid():N}";
        using var client = new ApiClient(host.CreateDefaultClient(new TraceParentHandler(_traceId)));
        await client.SignInAsNewUserAsync("secrets@example.com", password);
        await client.PostAsync("/api/v1/auth/login", new { email = "secrets@example.com", password = password + "-wrong" });
        var key = await ApiKeyTestData.CreateAsync(client, "canary", apiKey, apiSecret);
        await client.PostAsync($"/api/v1/api-keys/{ApiKeyTestData.IdOf(key)}/verify"); // a failing outgoing call, logged
        var refreshToken = client.RefreshToken!;
        await client.PostAsync("/api/v1/auth/refresh", new { refresh_token = refreshToken });
        await client.PostAsync("/api/v1/auth/refresh", new { refresh_token = refreshToken }); // reuse: refused and logged
        (await client.GetAsync("/api/v1/auth/me")).EnsureStatus(HttpStatusCode.OK);

        // Records leave in the order they were written: once the last request's line has arrived, so have the others'.
        var records = await RecordsAsync(collector, rs => rs.Any(r => r.Attribute("RequestPath") == "/api/v1/auth/me"));
        Assert.Contains(records, r => r.Attribute("RequestName") == "LoginCommand");
        Assert.Contains(records, r => r.Attribute("RequestName") == "CreateApiKeyCommand");
        string[] secrets = [password, apiKey, apiSecret, refreshToken, client.AccessToken!];
        foreach (var export in collector.Received)
        {
            var text = Encoding.UTF8.GetString(export.Body);
            Assert.DoesNotContain(secrets, secret => text.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task WithoutAnEndpoint_NoOpenTelemetryLoggerExists()
    {
        var host = await Hosts.StartAsync(new Dictionary<string, string?> { ["Telemetry:Enabled"] = "true" });

        Assert.Empty(host.Services.GetServices<ILoggerProvider>().OfType<OpenTelemetryLoggerProvider>());
        Assert.Null(host.Services.GetService<LoggerProvider>());
    }

    private Task<RiskPlatformApiFactory> StartExportingAsync(FakeOtlpCollector collector) => Hosts.StartAsync(
        new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        },
        services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans)));

    private static bool IsOrderHandledLog(OtlpLogRecord record) =>
        record.Attribute("RequestName") == "PlaceOrderCommand" && record.Attributes.ContainsKey("ElapsedMilliseconds");

    private static bool IsOrderRequestLog(OtlpLogRecord record) =>
        record.Attribute("SourceContext") == "Serilog.AspNetCore.RequestLoggingMiddleware" && record.Attribute("RequestPath") == "/api/v1/orders";

    /// <summary>The exported log records of this test's trace, once <paramref name="complete"/> holds for them.</summary>
    private async Task<IReadOnlyList<OtlpLogRecord>> RecordsAsync(FakeOtlpCollector collector, Func<IReadOnlyList<OtlpLogRecord>, bool> complete)
    {
        IReadOnlyList<OtlpLogRecord> records = [];
        await Eventually.ReturnsAsync(
            () => Task.FromResult(records = [.. collector.LogRecords.Where(r => r.TraceId == _traceId)]),
            complete,
            TimeSpan.FromSeconds(20),
            "the trace's log records were exported");
        return records;
    }
}
