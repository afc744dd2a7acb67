using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using RiskPlatform.Api.Hubs;
using RiskPlatform.Api.Cli;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Infrastructure.Actors;
using RiskPlatform.Infrastructure;
using RiskPlatform.Infrastructure.Identity;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.Web;
using Scalar.AspNetCore;
using Serilog;
using Serilog.Formatting.Compact;

var builder = WebApplication.CreateBuilder(args);
var secretWarnings = DevelopmentSecrets.AddTo(builder);

// With OTLP export on, Serilog also hands each event to the logging providers: OpenTelemetry's alone (Telemetry), not the
// console and debug providers the host starts with, which would print every line a second time.
var exportLogs = Telemetry.ExportsOtlp(builder.Configuration);
if (exportLogs)
{
    builder.Logging.ClearProviders();
}

builder.Services.AddSerilog(
    (services, logger) =>
    {
        logger.ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Orleans", Serilog.Events.LogEventLevel.Warning);
        if (builder.Environment.IsDevelopment())
        {
            logger.WriteTo.Console();
        }
        else
        {
            logger.WriteTo.Console(new RenderedCompactJsonFormatter());
        }
    },
    preserveStaticLogger: true,
    writeToProviders: exportLogs);

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
builder.Services.AddTelemetry(builder.Configuration);
builder.AddAccountActors();
builder.Services.AddRealtimeNotifications(builder.Configuration);
builder.AddWebApp();

builder.Services.AddHttpContextAccessor();
builder.Services.AddTrustedProxies(builder.Configuration);
builder.Services.AddCrossOriginClients(builder.Configuration);
builder.Services.AddRateLimits(builder.Configuration);
builder.Services.AddSecurityHeaders(builder.Configuration, builder.Environment);
// Inside an account actor the caller and origin come with the call; everywhere else from the HTTP request.
builder.Services.AddScoped<HttpCurrentUser>();
builder.Services.AddScoped<HttpRequestContext>();
builder.Services.AddScoped<ICurrentUser>(services => services.GetRequiredService<AccountActorCall>() is { IsActive: true } call
    ? call
    : services.GetRequiredService<HttpCurrentUser>());
builder.Services.AddScoped<IRequestContext>(services => services.GetRequiredService<AccountActorCall>() is { IsActive: true } call
    ? call
    : services.GetRequiredService<HttpRequestContext>());
builder.Services.ConfigureHttpJsonOptions(options => JsonDefaults.Apply(options.SerializerOptions));
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
{
    context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
    context.ProblemDetails.Extensions["trace_id"] =
        System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
});
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();

// Binding failures (a non-number limit, a malformed id) reach the exception handler in every environment, so they too
// become problems that name the field.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddOpenApi(options =>
{
    options.AddOperationTransformer((operation, context, _) =>
    {
        // Each endpoint's named static method is its operationId (e.g. CreateRiskRule), as the house style promises.
        operation.OperationId ??= context.Description.ActionDescriptor.EndpointMetadata.OfType<System.Reflection.MethodInfo>().FirstOrDefault()?.Name;
        return Task.CompletedTask;
    });
    options.AddOperationTransformer<ProblemResponses>();
    options.AddDocumentTransformer<ProblemResponses>();
    options.AddOperationTransformer<OpenApiExamples>();
    options.AddSchemaTransformer<RequiredFromValidators>();
    options.AddSchemaTransformer<DecimalNumberSchemas>();
});
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);

builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
    .Configure<IOptions<JwtOptions>, JwtSigningKeys>((bearer, jwt, signingKeys) =>
    {
        bearer.MapInboundClaims = false;
        bearer.Events = new JwtBearerEvents { OnMessageReceived = HubAccessToken.FromQueryString };
        bearer.TokenValidationParameters = signingKeys.ValidationParameters(jwt.Value);
    });
builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
builder.Services.AddAuthorization(options =>
    options.AddPolicy(AuthorizationPolicies.MarketDataPublisher, policy => policy.RequireAuthenticatedUser().RequireRole("admin")));

var app = builder.Build();
foreach (var warning in secretWarnings)
{
    app.Logger.LogWarning("{SecretWarning}", warning);
}

if (!builder.Configuration.GetSection("Audit:HmacKeys").GetChildren().Any())
{
    app.Logger.LogWarning("Audit:HmacKeys is not configured: audit rows are chained with plain SHA-256, which shows accidental edits but not "
        + "deliberate ones. Configure Audit__HmacKeys__1 and Audit__ActiveHmacKeyVersion=1 (docs/decisions/024).");
}

// ValidateOnStart only runs inside RunAsync: validate every such option (JWT, encryption keys, database, …) now, so a
// misconfigured service refuses to start before it has touched (migrated) the database.
app.Services.GetRequiredService<IStartupValidator>().Validate();
await DatabaseMigrator.MigrateIfEnabledAsync(app.Services);
if (RewrapCommandLine.Matches(args))
{
    return await RewrapCommandLine.RunAsync(app.Services, Console.Out, Console.Error, CancellationToken.None);
}

if (AuditCommandLine.Matches(args))
{
    return await AuditCommandLine.RunAsync(app.Services, args, Console.Out, Console.Error, CancellationToken.None);
}

if (UsersCommandLine.Matches(args))
{
    return await UsersCommandLine.RunAsync(app.Services, args, Console.Out, Console.Error, CancellationToken.None);
}

if (MarketCommandLine.Matches(args))
{
    return await MarketCommandLine.RunAsync(app.Services, args, Console.Out, Console.Error, CancellationToken.None);
}

// Request logging sits outside the exception handler so it sees the status the handler chose (a 409 is logged as 409 at
// Information, not as an Error 500 with the exception that the handler already turned into a problem). It writes through
// the host's Serilog logger: the static Log.Logger is preserved (silent), so without this the events would go nowhere.
app.UseForwardedHeaders();
app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseTelemetryScrapeEndpoint();
app.UseMiddleware<RequestLimits>();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimits();
app.UseAntiforgery();

app.MapOpenApi();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference();
}

app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
{
    Predicate = check => check.Tags.Contains("ready"),
    ResponseWriter = HealthReportText.WriteAsync,
});
app.MapEndpointGroups();
app.MapNotificationsHub();
app.MapWebApp();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so the functional tests' WebApplicationFactory can host it.</summary>
public partial class Program;
