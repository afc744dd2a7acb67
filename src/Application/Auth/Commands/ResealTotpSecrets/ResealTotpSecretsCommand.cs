using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Auth.Commands.ResealTotpSecrets;

/// <summary>
/// Seals again, in one transaction, the TOTP secrets of the next batch of authenticators (in id order, after
/// <see cref="After"/>) that are sealed under an old master key version, under the active one. Run by <c>keys rewrap</c>.
/// </summary>
public sealed record ResealTotpSecretsCommand(int BatchSize = 100, Guid? After = null) : ICommand<TotpResealBatch>;
