using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.ApiKeys.Specifications;
using RiskPlatform.Application.Common.Credentials;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Infrastructure.Brokers.Alpaca.Streams;

/// <summary>
/// Starts the streams of one binding on this node: its trade-update stream (<see cref="AlpacaTradeUpdatesConnection"/>) and,
/// unless <see cref="AlpacaOptions.DataStreamEnabled"/> is false, its market-data stream
/// (<see cref="AlpacaMarketDataConnection"/>), with access to the key's credentials from the vault (decrypted only in each
/// handshake). Started by the key's <see cref="Actors.AlpacaStreamsGrain"/>, so that a cluster runs them once.
/// </summary>
internal sealed class AlpacaBindingStreams(
    IServiceScopeFactory scopes,
    ICredentialCipher cipher,
    IMonitorQueue monitor,
    IOptions<AlpacaOptions> options,
    TimeProvider timeProvider,
    ILogger<AlpacaBindingStreams> logger)
{
    /// <summary>The binding's streams, running until stopped; null when its key no longer exists.</summary>
    public async Task<RunningStreams?> StartAsync(AlpacaStreamBinding binding, CancellationToken cancellationToken)
    {
        ApiKey? key;
        await using (var scope = scopes.CreateAsyncScope())
        {
            key = await scope.ServiceProvider.GetRequiredService<IReadRepository<ApiKey>>()
                .FirstOrDefaultAsync(new ApiKeyByIdSpec(binding.ApiKeyId), cancellationToken);
        }

        if (key is null)
        {
            return null;
        }

        var credentials = new DecryptedCredentialAccess(cipher, CredentialContext.For(key), key.GetCiphertexts());
        var settings = options.Value;
        var url = binding.IsPaperTrading ? settings.StreamUrl : settings.LiveStreamUrl;
        List<AlpacaStreamConnection> connections = [new AlpacaTradeUpdatesConnection(binding, url, credentials, settings, scopes, logger)];
        if (settings.DataStreamEnabled)
        {
            connections.Add(new AlpacaMarketDataConnection(binding, settings.DataStreamUrl, credentials, settings, scopes, monitor, timeProvider, logger));
        }

        var stop = new CancellationTokenSource();
        return new RunningStreams(Task.WhenAll(connections.Select(c => Task.Run(() => c.RunAsync(stop.Token), CancellationToken.None))), stop);
    }
}
