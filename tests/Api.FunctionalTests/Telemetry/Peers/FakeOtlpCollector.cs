using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Telemetry.Peers;

/// <summary>
/// An OTLP/HTTP collector on loopback: accepts every POST (<c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>) with 200 and
/// keeps its path, content type and body; <see cref="LogRecords"/> decodes the log exports (<see cref="OtlpLogDecoder"/>).
/// </summary>
public sealed class FakeOtlpCollector : IAsyncDisposable
{
    private readonly ConcurrentQueue<OtlpExport> _received = new();
    private LoopbackHttpServer _server = null!;

    private FakeOtlpCollector()
    {
    }

    /// <summary>The value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (the exporter appends <c>/v1/logs</c> and the others).</summary>
    public string Endpoint => _server.BaseUrl.ToString().TrimEnd('/');

    public IReadOnlyList<OtlpExport> Received => [.. _received];

    public IReadOnlyList<OtlpLogRecord> LogRecords =>
        [.. Received.Where(e => e.Path == "/v1/logs").SelectMany(e => OtlpLogDecoder.Decode(e.Body))];

    public static async Task<FakeOtlpCollector> StartAsync()
    {
        var collector = new FakeOtlpCollector();
        collector._server = await LoopbackHttpServer.StartAsync(collector.HandleAsync);
        return collector;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        _received.Enqueue(new OtlpExport(context.Request.Path.Value ?? string.Empty, context.Request.ContentType, body.ToArray()));
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-protobuf";
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

/// <summary>One export request as it arrived.</summary>
public sealed record OtlpExport(string Path, string? ContentType, byte[] Body);
