using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Crypto;

internal static class CredentialCipherServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="EncryptionOptions"/> (section "Encryption", checked at start), registers the
    /// <see cref="MasterKeyRing"/> and <see cref="ICredentialCipher"/> as singletons, and builds the ring while the host
    /// starts so passphrase stretching happens once, before the first request.
    /// </summary>
    internal static IServiceCollection AddCredentialCipher(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EncryptionOptions>()
            .Bind(configuration.GetSection(EncryptionOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EncryptionOptions>, EncryptionOptionsValidator>());
        services.TryAddSingleton(sp => MasterKeyRing.FromOptions(sp.GetRequiredService<IOptions<EncryptionOptions>>().Value));
        services.TryAddSingleton<ICredentialCipher, AesGcmCredentialCipher>();
        services.TryAddSingleton<IWebhookSecretVault, AesGcmWebhookSecretVault>();
        services.AddHostedService<MasterKeyRingWarmup>();
        return services;
    }
}
