using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Application.Common.Behaviours;

/// <summary>Outermost: a log scope with the request name, user id and trace id, and a warning for slow requests.</summary>
internal sealed class LoggingBehaviour<TRequest, TResponse>(
    ILogger<LoggingBehaviour<TRequest, TResponse>> logger,
    ICurrentUser currentUser,
    IRequestContext requestContext,
    TimeProvider timeProvider) : IPipelineBehavior<TRequest, TResponse>
{
    internal static readonly TimeSpan SlowThreshold = TimeSpan.FromMilliseconds(500);

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var requestName = typeof(TRequest).Name;
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["RequestName"] = requestName,
            ["UserId"] = currentUser.UserId,
            ["TraceId"] = requestContext.TraceId ?? Activity.Current?.TraceId.ToString(),
        });

        var started = timeProvider.GetTimestamp();
        try
        {
            return await next();
        }
        finally
        {
            // In finally, so a slow request that fails (a timed-out broker, a lock wait) warns as well.
            var elapsed = timeProvider.GetElapsedTime(started);
            if (elapsed > SlowThreshold)
            {
                logger.LogWarning("Slow request {RequestName} took {ElapsedMilliseconds} ms", requestName, (long)elapsed.TotalMilliseconds);
            }
            else
            {
                logger.LogDebug("Handled {RequestName} in {ElapsedMilliseconds} ms", requestName, (long)elapsed.TotalMilliseconds);
            }
        }
    }
}
