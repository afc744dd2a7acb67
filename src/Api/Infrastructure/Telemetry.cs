using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RiskPlatform.Application.Common.Telemetry;
using RiskPlatform.Infrastructure.Persistence.Interceptors;

namespace RiskPlatform.Api.Infrastructure;

/// <summary>
/// OpenTelemetry traces, metrics and logs: a span per HTTP request, per command or query (the pipeline's tracing behaviour), per
/// EF Core command, per outgoing HTTP call and per broker call, the <c>RiskPlatform</c> meter beside ASP.NET Core's,
/// HttpClient's and the runtime's, and over OTLP the log events Serilog writes (<see cref="ExportsOtlp"/>). Off unless an exporter is configured (<c>Telemetry:Console</c>, an OTLP endpoint in
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or <c>Telemetry:OtlpEndpoint</c>) or <c>Telemetry:Enabled</c> is set (instrumented, no
/// exporter: for tests that attach their own), or the Prometheus scrape endpoint is (<see cref="PrometheusScrapeEndpoint"/>):
/// otherwise no listener exists and the instruments cost nothing measurable.
/// </summary>
internal static class Telemetry
{
    public const string SectionName = "Telemetry";

    /// <summary>Orleans' grain-call spans: with them an account command's database and broker spans join the request's trace.</summary>
    private static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var console = section.GetValue<bool>("Console");
        var otlpEndpoint = section["OtlpEndpoint"];
        var otlp = ExportsOtlp(configuration);
        var prometheus = PrometheusScrapeEndpoint.FromConfiguration(configuration);
        var traced = console || otlp || section.GetValue<bool>("Enabled");
        if (!traced && prometheus is null)
        {
            return services;
        }

        if (prometheus is not null)
        {
            services.AddSingleton(prometheus);
        }

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(section["ServiceName"] ?? "riskplatform"));
        if (traced)
        {
            // Only when something reads spans: with the Prometheus scrape alone, no span is ever started.
            otel.WithTracing(tracing =>
            {
                tracing.AddSource(RiskPlatformTelemetry.Name)
                    .AddSource(OrleansSources)
                    .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation();
                if (section.GetValue("DatabaseSpans", true))
                {
                    // A span per EF Core command: most of an order's spans (its rule, state and order statements).
                    tracing.AddSource(DatabaseCommandTracing.SourceName);
                }

                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            });
        }

        otel.WithMetrics(metrics =>
        {
            metrics.AddMeter(RiskPlatformTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation();
            if (console)
            {
                metrics.AddConsoleExporter();
            }

            if (prometheus is not null)
            {
                metrics.AddPrometheusExporter();
            }
        });
        if (otlp)
        {
            // Serilog hands every event it writes to the logging providers (Program: writeToProviders), and with OTLP on this is
            // the only one: the same events, after the same minimum levels and enrichment, as Serilog's console gets. Scopes
            // arrive as Serilog properties (the log context), hence attributes, with scalar values as themselves (tested).
            otel.WithLogging(_ => { }, options => options.IncludeFormattedMessage = true);
        }

        if (!string.IsNullOrWhiteSpace(otlpEndpoint))
        {
            otel.UseOtlpExporter(OtlpExportProtocol.Grpc, new Uri(otlpEndpoint));
        }
        else if (otlp)
        {
            otel.UseOtlpExporter(); // the standard OTEL_EXPORTER_OTLP_* variables: endpoint, protocol, headers
        }

        return services;
    }

    /// <summary>
    /// True when traces, metrics and logs go to an OTLP collector: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (with the other standard
    /// variables, e.g. <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> or <c>OTEL_EXPORTER_OTLP_LOGS_ENDPOINT</c>) or
    /// <c>Telemetry:OtlpEndpoint</c> (gRPC) is set. Otherwise no OpenTelemetry logging provider exists and Serilog forwards nothing.
    /// </summary>
    public static bool ExportsOtlp(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetSection(SectionName)["OtlpEndpoint"])
        || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    /// <summary>
    /// The Prometheus scrape endpoint when configured (before authentication: the scrape port is what guards it); every other
    /// request on the scrape port ends in a 404.
    /// </summary>
    public static WebApplication UseTelemetryScrapeEndpoint(this WebApplication app)
    {
        if (app.Services.GetService<PrometheusScrapeEndpoint>() is { } scrape)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(scrape.Serves);
            app.Use((context, next) =>
            {
                if (!scrape.OnScrapePort(context))
                {
                    return next(context);
                }

                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
            app.Lifetime.ApplicationStarted.Register(() => scrape.WarnUnlessListening(
                app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>(),
                app.Services.GetRequiredService<ILogger<PrometheusScrapeEndpoint>>()));
        }

        return app;
    }
}
