using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.ApiKeys.Specifications;
using RiskPlatform.Application.BrokerBindings.Common;
using RiskPlatform.Application.BrokerBindings.Specifications;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.BrokerBindings;

namespace RiskPlatform.Infrastructure.Brokers.Alpaca.Streams;

/// <summary>
/// Keeps the streams of every binding to a usable Alpaca key open: its trade-update stream
/// (<see cref="AlpacaTradeUpdatesConnection"/>) and, unless <see cref="AlpacaOptions.DataStreamEnabled"/> is false, its
/// market-data stream (<see cref="AlpacaMarketDataConnection"/>). Every <see cref="AlpacaOptions.StreamBindingPollSeconds"/> it
/// reads the bindings and their keys, starts the streams of each new one and stops those whose binding went away, moved to
/// another key or mode, or whose key was revoked, expired, deactivated or rotated (a rotated key gets new streams with its new
/// credentials). Off when <see cref="AlpacaOptions.StreamsEnabled"/> is false.
/// </summary>
internal sealed partial class AlpacaStreamsWorker(
    IServiceScopeFactory scopes,
    ICredentialCipher cipher,
    IMonitorQueue monitor,
    IOptions<AlpacaOptions> options,
    TimeProvider timeProvider,
    ILogger<AlpacaStreamsWorker> logger) : BackgroundService
{
    private readonly Dictionary<AlpacaStreamBinding, RunningStream> _running = [];

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
                    Apply(await DesiredAsync(stoppingToken), stoppingToken);
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
        finally
        {
            await StopAsync([.. _running.Keys]);
        }
    }

    /// <summary>The bindings to usable Alpaca keys now, each with the access to its key's credentials.</summary>
    private async Task<Dictionary<AlpacaStreamBinding, DecryptedCredentialAccess>> DesiredAsync(CancellationToken cancellationToken)
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
        var desired = new Dictionary<AlpacaStreamBinding, DecryptedCredentialAccess>();
        foreach (var binding in bindings)
        {
            if (keys.GetValueOrDefault(binding.ApiKeyId!.Value) is { Broker: Broker.Alpaca } key
                && key.UserId == binding.UserId
                && TradingAccountDto.UnusableReason(key, now) is null)
            {
                desired[new AlpacaStreamBinding(binding.UserId, key.Id, key.LastRotatedAt?.Ticks ?? 0, key.IsPaperTrading)] =
                    new DecryptedCredentialAccess(cipher, CredentialContext.For(key), key.GetCiphertexts());
            }
        }

        return desired;
    }

    private void Apply(Dictionary<AlpacaStreamBinding, DecryptedCredentialAccess> desired, CancellationToken stoppingToken)
    {
        // Stopping only cancels: the stream ends on its own (ExecuteAsync waits for those still running at shutdown).
        foreach (var binding in _running.Keys.Where(b => !desired.ContainsKey(b)).ToList())
        {
            LogStopping(logger, binding.UserId, binding.ApiKeyId);
            _running[binding].Cancel();
            _running.Remove(binding);
        }

        var settings = options.Value;
        foreach (var (binding, credentials) in desired.Where(d => !_running.ContainsKey(d.Key)))
        {
            LogStarting(logger, binding.UserId, binding.ApiKeyId, binding.IsPaperTrading);
            var url = binding.IsPaperTrading ? settings.StreamUrl : settings.LiveStreamUrl;
            List<AlpacaStreamConnection> connections = [new AlpacaTradeUpdatesConnection(binding, url, credentials, settings, scopes, logger)];
            if (settings.DataStreamEnabled)
            {
                connections.Add(new AlpacaMarketDataConnection(binding, settings.DataStreamUrl, credentials, settings, scopes, monitor, timeProvider, logger));
            }

            var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            _running[binding] = new RunningStream(
                Task.WhenAll(connections.Select(c => Task.Run(() => c.RunAsync(stop.Token), CancellationToken.None))), stop);
        }
    }

    private async Task StopAsync(IReadOnlyList<AlpacaStreamBinding> bindings)
    {
        foreach (var binding in bindings)
        {
            _running[binding].Cancel();
        }

        await Task.WhenAll(bindings.Select(b => _running[b].Task));
        foreach (var binding in bindings)
        {
            _running.Remove(binding);
        }
    }

    /// <summary>A binding's stream loops and what stops them (disposed once the loops have ended).</summary>
    private sealed record RunningStream(Task Task, CancellationTokenSource Stop)
    {
        public void Cancel()
        {
            Stop.Cancel();
            _ = Task.ContinueWith(_ => Stop.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting the Alpaca streams of user {UserId} (key {ApiKeyId}, paper {IsPaperTrading})")]
    private static partial void LogStarting(ILogger logger, Guid userId, Guid apiKeyId, bool isPaperTrading);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping the Alpaca streams of user {UserId} (key {ApiKeyId}): no longer bound or usable")]
    private static partial void LogStopping(ILogger logger, Guid userId, Guid apiKeyId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not read the Alpaca bindings to start or stop their streams; the next poll tries again")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
