using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace RiskPlatform.Api.Infrastructure;

/// <summary>
/// ASP.NET Core's rate limiter, one policy per <see cref="RateLimitOptions"/> budget. Each policy partitions by caller: the
/// signed-in user (the token's subject), else the client IP (after the trusted-proxy rewrite). A caller over budget gets 429,
/// an RFC 9457 problem with code <c>rate_limited</c> and <c>Retry-After</c>, and other callers are untouched.
/// </summary>
internal static class RateLimits
{
    public const string Register = nameof(RateLimitOptions.Register);
    public const string Login = nameof(RateLimitOptions.Login);
    public const string Refresh = nameof(RateLimitOptions.Refresh);
    public const string Orders = nameof(RateLimitOptions.Orders);
    public const string RiskChecks = nameof(RateLimitOptions.RiskChecks);
    public const string KeyVerification = nameof(RateLimitOptions.KeyVerification);
    public const string TestNotifications = nameof(RateLimitOptions.TestNotifications);
    public const string VerificationEmails = nameof(RateLimitOptions.VerificationEmails);

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.SectionName))
            .Validate(o => o.IsValid, "RateLimits:<Policy>:PermitLimit must be positive and RateLimits:<Policy>:Window between 0 and 1 day.")
            .ValidateOnStart();

        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteProblemAsync;
            foreach (var (name, _) in new RateLimitOptions().Budgets())
            {
                limiter.AddPolicy(name, context => Partition(context, name));
            }
        });
    }

    /// <summary>
    /// The limiter in the pipeline, unless <c>RateLimits:Enabled</c> is false: then it is left out rather than run with no limit.
    /// ASP.NET Core's middleware never disposes the limiter it builds for the policies, whose timer keeps its host reachable after
    /// the host is disposed; a process that hosts the service many times over (the functional tests) would keep every one.
    /// </summary>
    public static IApplicationBuilder UseRateLimits(this WebApplication app) =>
        app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled ? app.UseRateLimiter() : app;

    private static RateLimitPartition<string> Partition(HttpContext context, string policy)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var budget = options.Budgets().Single(b => b.Name == policy).Budget;
        var caller = context.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value is { } userId
            ? $"user:{userId}"
            : $"ip:{context.Connection.RemoteIpAddress}";
        return RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = budget.PermitLimit,
            Window = budget.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask WriteProblemAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = ProblemExceptionHandler.RetryAfterSeconds(wait);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests.",
            Detail = "This caller has used its request budget for this operation; retry after the time in Retry-After.",
        };
        problem.Extensions["code"] = "rate_limited";
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
