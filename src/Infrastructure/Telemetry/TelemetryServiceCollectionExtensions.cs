using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Infrastructure.Crypto;

namespace RiskPlatform.Infrastructure.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The domain metrics (<see cref="IRiskMetrics"/> on the host's meter factory), the outbox figures its gauges read, and the
    /// vaults wrapped so that their operations are counted. Call after <c>AddCredentialCipher</c>.
    /// </summary>
    internal static IServiceCollection AddRiskMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<OutboxStatistics>();
        services.AddSingleton<IRiskMetrics, RiskMetrics>();
        services.TryAddSingleton<AesGcmCredentialCipher>();
        services.TryAddSingleton<AesGcmWebhookSecretVault>();
        services.Replace(ServiceDescriptor.Singleton<ICredentialCipher>(provider =>
            new MeteredCredentialCipher(provider.GetRequiredService<AesGcmCredentialCipher>(), provider.GetRequiredService<IRiskMetrics>())));
        services.Replace(ServiceDescriptor.Singleton<IWebhookSecretVault>(provider =>
            new MeteredWebhookSecretVault(provider.GetRequiredService<AesGcmWebhookSecretVault>(), provider.GetRequiredService<IRiskMetrics>())));
        return services;
    }
}
