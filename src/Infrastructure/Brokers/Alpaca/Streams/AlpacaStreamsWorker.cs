using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.ApiKeys.Specifications;
using RiskPlatform.Application.BrokerBindings.Common;
using RiskPlatform.Application.BrokerBindings.Specifications;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.BrokerBindings;
using RiskPlatform.Infrastructure.Actors;

namespace RiskPlatform.Infrastructure.Brokers.Alpaca.Streams;

/// <summary>
/// Keeps the streams of every binding to a usable Alpaca key open, once in the cluster: every
/// <see cref="AlpacaOptions.StreamBindingPollSeconds"/> it reads the bindings and their keys and asks each key's
/// <see cref="IAlpacaStreamsGrain"/> to keep its binding's streams running (the grain runs them on its node, starting them when
/// they are not running and replacing them after a rotation or a switch of mode), and stops the grains of keys that are no
/// longer bound or usable (revoked, expired, deactivated). Every node runs this worker; a key's streams run on one. Off when
/// <see cref="AlpacaOptions.StreamsEnabled"/> is false.
/// </summary>
internal sealed partial class AlpacaStreamsWorker(
    IServiceScopeFactory scopes,
    IGrainFactory grains,
    IOptions<AlpacaOptions> options,
    TimeProvider timeProvider,
    ILogger<AlpacaStreamsWorker> logger) : BackgroundService
{
    /// <summary>The keys this node asked to keep streams for (so that it stops them when they go).</summary>
    private readonly HashSet<Guid> _kept = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.StreamsEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.StreamBindingPollSeconds));
        try
        {
            do
            {
                try
                {
                    await ApplyAsync(await DesiredAsync(stoppingToken));
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // A failed read (the database briefly down) keeps the running streams; the next poll tries again.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    LogPollFailed(logger, exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>The bindings to usable Alpaca keys now.</summary>
    private async Task<List<AlpacaStreamBinding>> DesiredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var bindings = await scope.ServiceProvider.GetRequiredService<IReadRepository<BrokerBinding>>()
            .ListAsync(new AlpacaKeyBindingsSpec(), cancellationToken);
        var keyIds = bindings.Select(b => b.ApiKeyId!.Value).Distinct().ToList();
        var keys = keyIds.Count == 0
            ? []
            : (await scope.ServiceProvider.GetRequiredService<IReadRepository<ApiKey>>().ListAsync(new ApiKeysByIdsSpec(keyIds), cancellationToken))
                .ToDictionary(k => k.Id);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return
        [
            .. bindings
                .Select(b => keys.GetValueOrDefault(b.ApiKeyId!.Value) is { Broker: Broker.Alpaca } key
                    && key.UserId == b.UserId
                    && TradingAccountDto.UnusableReason(key, now) is null
                        ? new AlpacaStreamBinding(b.UserId, key.Id, key.LastRotatedAt?.Ticks ?? 0, key.IsPaperTrading)
                        : null)
                .OfType<AlpacaStreamBinding>(),
        ];
    }

    /// <summary>Stops the keys that went, keeps every wanted one (one grain call each; a failed call is tried at the next poll).</summary>
    private async Task ApplyAsync(List<AlpacaStreamBinding> desired)
    {
        var wanted = desired.Select(b => b.ApiKeyId).ToHashSet();
        foreach (var gone in _kept.Where(k => !wanted.Contains(k)).ToList())
        {
            await CallAsync(gone, grain => grain.Stop());
            _kept.Remove(gone);
        }

        foreach (var binding in desired)
        {
            if (await CallAsync(binding.ApiKeyId, grain => grain.Keep(binding.UserId, binding.Generation, binding.IsPaperTrading)))
            {
                _kept.Add(binding.ApiKeyId);
            }
        }
    }

    private async Task<bool> CallAsync(Guid apiKeyId, Func<IAlpacaStreamsGrain, Task> call)
    {
        try
        {
            await call(grains.GetGrain<IAlpacaStreamsGrain>(apiKeyId));
            return true;
        }
#pragma warning disable CA1031 // One key's grain unreachable (its node leaving) does not hold up the others.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogGrainCallFailed(logger, apiKeyId, exception);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reach the streams of Alpaca key {ApiKeyId}; the next poll tries again")]
    private static partial void LogGrainCallFailed(ILogger logger, Guid apiKeyId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not read the Alpaca bindings to start or stop their streams; the next poll tries again")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
