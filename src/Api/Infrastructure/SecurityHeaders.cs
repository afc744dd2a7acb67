using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace RiskPlatform.Api.Infrastructure;

/// <summary>
/// Transport and browser hardening (configuration section <c>Https</c>): outside Development, plain-HTTP requests are
/// redirected to HTTPS and HTTPS responses carry <c>Strict-Transport-Security</c>; a deployment whose TLS ends at a proxy
/// that forwards <c>X-Forwarded-Proto</c> keeps both, one that cannot switches them off. Every response says
/// <c>X-Content-Type-Options: nosniff</c>; the auth routes' responses (tokens, challenges, TOTP secrets) say
/// <c>Cache-Control: no-store</c>; HTML pages get a restrictive <c>Content-Security-Policy</c>.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>Same-origin everything; no framing, plugins or foreign form targets. Inline styles are allowed for the components' style attributes.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string AuthRoutes = "/api/v1/auth";

    /// <summary>The interactive API reference (Development only) loads its script from a CDN, so its page keeps no policy.</summary>
    private const string ApiReference = "/scalar";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<HttpsOptions>()
            .Configure(o => o.Redirect = o.Hsts = !environment.IsDevelopment())
            .Bind(configuration.GetSection(HttpsOptions.SectionName))
            .Validate(o => o.HstsMaxAgeDays is >= 1 and <= 730, "Https:HstsMaxAgeDays must be 1 to 730.")
            .ValidateOnStart();
        services.AddHsts(_ => { });
        services.AddOptions<HstsOptions>().Configure<IOptions<HttpsOptions>>((hsts, https) =>
        {
            hsts.MaxAge = TimeSpan.FromDays(https.Value.HstsMaxAgeDays);
            hsts.IncludeSubDomains = https.Value.HstsIncludeSubDomains;
        });
        services.AddOptions<HttpsRedirectionOptions>().Configure<IOptions<HttpsOptions>>((redirect, https) =>
        {
            redirect.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            redirect.HttpsPort = https.Value.Port;
        });
        return services;
    }

    /// <summary>Before anything that answers, so redirects and problems carry the headers too.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var https = app.Services.GetRequiredService<IOptions<HttpsOptions>>().Value;
        if (https.Hsts)
        {
            app.UseHsts();
        }

        if (https.Redirect)
        {
            app.UseHttpsRedirection();
        }

        app.Use((context, next) =>
        {
            context.Response.OnStarting(() => Apply(context));
            return next(context);
        });
        return app;
    }

    private static Task Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        if (context.Request.Path.StartsWithSegments(AuthRoutes, StringComparison.OrdinalIgnoreCase))
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }

        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
            && !context.Request.Path.StartsWithSegments(ApiReference, StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
        }

        return Task.CompletedTask;
    }
}
