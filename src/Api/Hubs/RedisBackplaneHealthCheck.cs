using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RiskPlatform.Api.Hubs;

/// <summary>
/// Registered when <c>Redis:ConnectionString</c> is set: <c>Degraded</c>, never unhealthy, while the backplane's Redis cannot
/// be reached. Trading and the inbox work without it; only pushes (and presence) are lost until it returns.
/// </summary>
internal sealed class RedisBackplaneHealthCheck(RedisUserPresence redis) : IHealthCheck
{
    public const string Name = "redis_backplane";

    public static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(2);

    private const string Unreachable = "The Redis backplane cannot be reached: real-time pushes are dropped until it returns; trading is unaffected.";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await redis.ConnectionAsync().WaitAsync(PingTimeout, cancellationToken);
            if (!connection.IsConnected)
            {
                return HealthCheckResult.Degraded(Unreachable);
            }

            await connection.GetDatabase().PingAsync().WaitAsync(PingTimeout, cancellationToken);
            return HealthCheckResult.Healthy("The Redis backplane answers.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded(Unreachable, exception);
        }
    }
}
