using System.Globalization;
using MediatR;
using Microsoft.Extensions.Logging;
using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Commands.ResealTotpSecrets;

/// <summary>
/// Opens each TOTP secret sealed under an old master key version and seals it again for its user under the active one; the
/// codes the user's app shows do not change. An unknown master key version stops the run
/// (<see cref="UnknownMasterKeyVersionException"/> names it); a secret that fails the integrity check is counted and left,
/// so one bad row cannot stall the run.
/// </summary>
internal sealed partial class ResealTotpSecretsCommandHandler(
    IRepository<TotpAuthenticator> authenticators,
    ITotp totp,
    AuditScope audit,
    ILogger<ResealTotpSecretsCommandHandler> logger) : IRequestHandler<ResealTotpSecretsCommand, TotpResealBatch>
{
    public async Task<TotpResealBatch> Handle(ResealTotpSecretsCommand request, CancellationToken cancellationToken)
    {
        var batch = await authenticators.ListAsync(new TotpAuthenticatorsAfterIdSpec(request.After, request.BatchSize), cancellationToken);
        var (resealed, failed) = (0, 0);
        foreach (var authenticator in batch.Where(a => totp.NeedsResealing(a.SealedSecret)))
        {
            try
            {
                authenticator.ReplaceSealedSecret(totp.Reseal(authenticator.UserId, authenticator.SealedSecret));
                resealed++;
            }
            catch (CredentialIntegrityException)
            {
                LogIntegrityFailed(logger, authenticator.Id);
                failed++;
            }
        }

        audit.Target("totp_authenticator", null).Describe(string.Create(
            CultureInfo.InvariantCulture,
            $"Sealed the TOTP secrets of {resealed} authenticators under the active master key; {failed} failed the integrity check"));
        return new TotpResealBatch(resealed, failed, batch.Count == 0 ? request.After : batch[^1].Id, batch.Count == request.BatchSize);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "TOTP authenticator {AuthenticatorId}: its sealed secret failed the integrity check and was not resealed")]
    private static partial void LogIntegrityFailed(ILogger logger, Guid authenticatorId);
}
