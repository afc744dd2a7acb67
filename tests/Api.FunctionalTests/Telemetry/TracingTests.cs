using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using RiskPlatform.Api.FunctionalTests.ApiKeys;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.Infrastructure.Persistence.Interceptors;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Telemetry;

/// <summary>
/// Traces as an OpenTelemetry exporter receives them (the in-memory exporter on a host with <c>Telemetry:Enabled</c>). Every
/// request of a test carries one W3C trace id (<c>traceparent</c>), and only spans of that trace are read: tracing listens
/// process-wide, so spans of other test hosts reach the exporter too.
/// </summary>
public abstract class TracingTests() : DedicatedHostTest("tracing")
{
    private readonly LockedList<Activity> _exported = new();
    private readonly ActivityTraceId _traceId = ActivityTraceId.CreateRandom();

    [Fact]
    public async Task PlaceOrder_IsOneTraceFromTheRequestThroughItsCommandToTheDatabaseAndTheBroker()
    {
        var host = await StartAsync();
        await TracedOrder.PlaceAsync(host, _traceId);

        var spans = await SpansAsync(spans => spans.Any(s => s.DisplayName == "PlaceOrderCommand") && spans.Any(IsOrderRequest));
        var request = spans.Single(IsOrderRequest);
        var command = spans.Single(s => s.Source.Name == "RiskPlatform" && s.DisplayName == "PlaceOrderCommand");
        Assert.Equal("command", command.GetTagItem("riskplatform.request.kind"));
        Assert.True(IsWithin(command, request, spans), "the command's span is not inside the request's");
        var submit = spans.Single(s => s.DisplayName == "broker submit_order");
        Assert.Equal("paper", submit.GetTagItem("riskplatform.broker"));
        Assert.True(IsWithin(submit, command, spans), "the broker call is not inside the command's span (grain-call propagation)");
        var statements = spans.Where(s => s.Source.Name == DatabaseCommandTracing.SourceName).ToList();
        Assert.All(statements, s => Assert.Equal(ActivityKind.Client, s.Kind));
        Assert.All(statements, s => Assert.Equal(Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql", s.GetTagItem("db.system.name")));
        Assert.All(statements, s => Assert.Equal(s.DisplayName, s.GetTagItem("db.operation.name")));
        var insert = statements.SingleOrDefault(s => s.GetTagItem("db.query.text") is string sql && sql.Replace("\"", "", StringComparison.Ordinal).Contains("INSERT INTO orders ", StringComparison.Ordinal));
        Assert.True(insert is not null, "no one span of the order's INSERT among: " + string.Join(" | ", statements.Select(s => s.GetTagItem("db.query.text"))));
        Assert.True(IsWithin(insert, command, spans), "the order's INSERT is not inside the command's span");
    }

    [Fact]
    public async Task PlaceOrder_WithDatabaseSpansOff_KeepsEverySpanButTheDatabaseCommands()
    {
        var host = await StartAsync(new Dictionary<string, string?> { ["Telemetry:DatabaseSpans"] = "false" });
        await TracedOrder.PlaceAsync(host, _traceId);

        var spans = await SpansAsync(spans => spans.Any(s => s.DisplayName == "broker submit_order") && spans.Any(IsOrderRequest));
        var command = spans.Single(s => s.Source.Name == "RiskPlatform" && s.DisplayName == "PlaceOrderCommand");
        Assert.True(IsWithin(spans.Single(s => s.DisplayName == "broker submit_order"), command, spans));
        Assert.DoesNotContain(spans, s => s.Source.Name == DatabaseCommandTracing.SourceName);
    }

    [Fact]
    public async Task Secrets_SentToTheService_AppearInNoSpan()
    {
        var host = await StartAsync();
        var password = $"Canary-Pass-{Guid.NewGuid():N}";
        var apiKey = $"AKCANARY{Guid.NewGuid():N}".ToUpperInvariant();
        var apiSecret = $"canary-secret-{Guid.NewGuid():N}";
        var newKey = $"AKROTATED{Guid.NewGuid():N}".ToUpperInvariant();
        var newSecret = $"rotated-secret-{Guid.NewGuid():N}";
        using var client = Client(host);
        await client.SignInAsNewUserAsync("secrets@example.com", password);

        var key = await ApiKeyTestData.CreateAsync(client, "canary", apiKey, apiSecret);
        var id = ApiKeyTestData.IdOf(key);
        (await client.PostAsync($"/api/v1/api-keys/{id}/rotate", new { new_api_key = newKey, new_api_secret = newSecret })).EnsureStatus(HttpStatusCode.OK);
        await client.PostAsync($"/api/v1/api-keys/{id}/verify"); // Alpaca is a closed port here: an outgoing HTTP span that fails
        await client.PostAsync("/api/v1/auth/refresh", new { refresh_token = client.RefreshToken });
        await client.PostAsync($"/hubs/notifications/negotiate?negotiateVersion=1&access_token={client.AccessToken}");

        string[] secrets = [password, apiKey, apiSecret, newKey, newSecret, client.AccessToken!, client.RefreshToken!];
        var spans = await SpansAsync(spans => spans.Any(s => s.DisplayName == "RotateApiKeyCommand") && spans.Count(s => s.Kind == ActivityKind.Server) >= 7);
        Assert.Contains(spans, s => s.DisplayName == "CreateApiKeyCommand");
        Assert.Contains(spans, s => s.DisplayName == "LoginCommand");
        foreach (var span in spans)
        {
            var text = Describe(span);
            Assert.DoesNotContain(secrets, secret => text.Contains(secret, StringComparison.Ordinal));
        }
    }

    private Task<RiskPlatformApiFactory> StartAsync(Dictionary<string, string?>? settings = null) => Hosts.StartAsync(
        new Dictionary<string, string?>(settings ?? []) { ["Telemetry:Enabled"] = "true" },
        services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_exported)));

    private ApiClient Client(RiskPlatformApiFactory host) => new(host.CreateDefaultClient(new TraceParentHandler(_traceId)));

    private static bool IsOrderRequest(Activity span) =>
        span.Kind == ActivityKind.Server && span.GetTagItem("http.request.method") as string == "POST" && span.GetTagItem("url.path") as string == "/api/v1/orders";

    /// <summary>True when <paramref name="span"/> descends from <paramref name="ancestor"/> through the spans of the trace.</summary>
    private static bool IsWithin(Activity span, Activity ancestor, IReadOnlyList<Activity> spans)
    {
        var byId = spans.ToDictionary(s => s.SpanId);
        for (var current = span; byId.TryGetValue(current.ParentSpanId, out var parent); current = parent)
        {
            if (parent.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The exported spans of this test's trace, once <paramref name="complete"/> holds for them.</summary>
    private async Task<IReadOnlyList<Activity>> SpansAsync(Func<IReadOnlyList<Activity>, bool> complete)
    {
        IReadOnlyList<Activity> spans = [];
        await Eventually.ReturnsAsync(
            () => Task.FromResult(spans = [.. _exported.Snapshot().Where(s => s.TraceId == _traceId)]),
            complete,
            TimeSpan.FromSeconds(20),
            "the trace's spans were exported");
        return spans;
    }

    private static string Describe(Activity span) => string.Join(
        "\n",
        [
            span.DisplayName, span.OperationName, span.StatusDescription ?? string.Empty,
            .. span.TagObjects.Select(t => $"{t.Key}={t.Value}"),
            .. span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}").Append(e.Name)),
            .. span.Baggage.Select(b => $"{b.Key}={b.Value}"),
        ]);
}

public sealed class TracingTestsOnSqlite : TracingTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class TracingTestsOnPostgres : TracingTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
