using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RiskPlatform.Application.Common.Telemetry;

namespace RiskPlatform.Api.Infrastructure;

/// <summary>
/// OpenTelemetry traces and metrics: a span per HTTP request, per command or query (the pipeline's tracing behaviour), per
/// EF Core command, per outgoing HTTP call and per broker call, and the <c>RiskPlatform</c> meter beside ASP.NET Core's,
/// HttpClient's and the runtime's. Off unless an exporter is configured (<c>Telemetry:Console</c>, an OTLP endpoint in
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
        var otlp = !string.IsNullOrWhiteSpace(otlpEndpoint) || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
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
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation();
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
