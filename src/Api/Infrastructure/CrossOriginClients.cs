namespace RiskPlatform.Api.Infrastructure;

/// <summary>
/// CORS for browser clients served from other origins (an earlier web client, a trader's own page). Only the origins listed
/// in <c>Cors:AllowedOrigins:&lt;n&gt;</c> may call; none by default, so a preflight from anywhere else gets no CORS headers and
/// the browser refuses the call. Credentials (cookies) are never allowed: clients authenticate with the bearer token. The
/// headers a client reads beyond the simple ones are exposed: <c>Retry-After</c> (429 and 503) and <c>Location</c> (201).
/// A value that is not an absolute http(s) origin stops the start with an error naming the setting.
/// </summary>
internal static class CrossOriginClients
{
    public const string Section = "Cors";

    /// <summary>How long a browser may cache a preflight answer.</summary>
    public static readonly TimeSpan PreflightMaxAge = TimeSpan.FromMinutes(10);

    public static IServiceCollection AddCrossOriginClients(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection($"{Section}:AllowedOrigins").GetChildren()
            .Where(item => !string.IsNullOrWhiteSpace(item.Value))
            .Select(item => Origin(item.Path, item.Value!.Trim()))
            .ToArray();

        return services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .AllowAnyMethod()
            .AllowAnyHeader()
            .DisallowCredentials()
            .WithExposedHeaders("Retry-After", "Location")
            .SetPreflightMaxAge(PreflightMaxAge)));
    }

    private static string Origin(string setting, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query)
            ? value.TrimEnd('/')
            : throw new InvalidOperationException($"{setting} = '{value}' is not an origin (scheme://host[:port], e.g. http://localhost:3000).");
}
