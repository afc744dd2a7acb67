using System.Globalization;
using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Auth.Queries.GetEndedSessions;

namespace RiskPlatform.Api.Hubs;

/// <summary>
/// Closes this node's hub connections whose sign-in has ended according to the database (<see cref="GetEndedSessionsQuery"/>),
/// whether or not this node heard the end: every <see cref="IntervalKey"/> (a backstop that needs no Redis), and at once when
/// <see cref="RedisSessionEndRelay"/> has resubscribed after losing Redis (the ends published meanwhile were lost: pub/sub does
/// not replay). See docs/decisions/023, "Ended sign-ins a node did not hear about".
/// </summary>
internal sealed partial class EndedSessionSweeper(
    SessionConnectionRegistry registry,
    IServiceScopeFactory scopeFactory,
    IConfiguration configuration,
    ILogger<EndedSessionSweeper> logger) : BackgroundService
{
    public const string IntervalKey = "Notifications:Realtime:SessionSweepInterval";

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>The sweep interval; zero turns the periodic sweep off (the sweep after a Redis reconnect still runs).</summary>
    public static TimeSpan Interval(IConfiguration configuration)
    {
        var interval = configuration.GetValue(IntervalKey, DefaultInterval);
        return interval >= TimeSpan.Zero
            ? interval
            : throw new OptionsValidationException(IntervalKey, typeof(EndedSessionSweeper), [$"{IntervalKey} must not be negative (00:00:00 turns the sweep off)."]);
    }

    /// <summary>Closes the connections of every ended sign-in open on this node; returns how many it closed.</summary>
    public async Task<int> CloseEndedAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var open = registry.OpenSessions;
            if (open.Count == 0)
            {
                return 0;
            }

            IReadOnlyList<Guid> ended;
            await using (var scope = scopeFactory.CreateAsyncScope())
            {
                ended = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetEndedSessionsQuery(open), cancellationToken);
            }

            var closed = ended.Sum(registry.Close);
            if (closed > 0)
            {
                LogClosed(logger, closed, ended.Count);
            }

            return closed;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = Interval(configuration);
        if (interval == TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CloseEndedAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, exception, interval.ToString("c", CultureInfo.InvariantCulture));
            }
        }
    }

    public override void Dispose()
    {
        _oneAtATime.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed {Connections} hub connections of {Sessions} sign-ins that ended without this node hearing of it")]
    private static partial void LogClosed(ILogger logger, int connections, int sessions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check this node's hub connections for ended sign-ins; trying again in {Interval}")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception, string interval);
}
