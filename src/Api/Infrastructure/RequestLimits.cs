namespace RiskPlatform.Api.Infrastructure;

/// <summary>
/// Refuses bodies over 1 MB with a 413 problem. Kestrel enforces the same limit while streaming; this check also covers
/// declared lengths up front (and hosts without Kestrel's limit, such as the test server).
/// </summary>
internal sealed class RequestLimits(RequestDelegate next)
{
    public const long MaxBodyBytes = 1024 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        return next(context);
    }
}
