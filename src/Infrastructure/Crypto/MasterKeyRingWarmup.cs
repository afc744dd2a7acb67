using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace RiskPlatform.Infrastructure.Crypto;

/// <summary>Builds the key ring while the host starts, so PBKDF2 for passphrase keys never runs inside a request.</summary>
internal sealed class MasterKeyRingWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<MasterKeyRing>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
