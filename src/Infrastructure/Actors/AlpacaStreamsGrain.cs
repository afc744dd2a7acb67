using Microsoft.Extensions.Logging;
using RiskPlatform.Infrastructure.Brokers.Alpaca.Streams;

namespace RiskPlatform.Infrastructure.Actors;

/// <summary>
/// Runs one key's streams (<see cref="AlpacaBindingStreams"/>) on the node of its activation, for the binding last kept; its
/// deactivation (the key no longer wanted, the node shutting down) stops them.
/// </summary>
internal sealed partial class AlpacaStreamsGrain(AlpacaBindingStreams streams, ILogger<AlpacaStreamsGrain> logger) : Grain, IAlpacaStreamsGrain
{
    private AlpacaStreamBinding? _binding;
    private RunningStreams? _running;

    public async Task Keep(Guid userId, long generation, bool isPaperTrading)
    {
        var binding = new AlpacaStreamBinding(userId, this.GetPrimaryKey(), generation, isPaperTrading);
        if (binding == _binding && _running is { Task.IsCompleted: false })
        {
            return;
        }

        _running?.Cancel();
        (_binding, _running) = (null, null);
        LogStarting(logger, binding.UserId, binding.ApiKeyId, binding.IsPaperTrading);
        _running = await streams.StartAsync(binding, CancellationToken.None);
        _binding = _running is null ? null : binding;
    }

    public Task Stop()
    {
        if (_binding is { } binding)
        {
            LogStopping(logger, binding.UserId, binding.ApiKeyId);
        }

        _running?.Cancel();
        (_binding, _running) = (null, null);
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_running is { } running)
        {
            running.Cancel();
            await running.Task.WaitAsync(cancellationToken).ContinueWith(
                static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting the Alpaca streams of user {UserId} (key {ApiKeyId}, paper {IsPaperTrading})")]
    private static partial void LogStarting(ILogger logger, Guid userId, Guid apiKeyId, bool isPaperTrading);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping the Alpaca streams of user {UserId} (key {ApiKeyId}): no longer bound or usable")]
    private static partial void LogStopping(ILogger logger, Guid userId, Guid apiKeyId);
}
