using System.Globalization;
using MediatR;
using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Commands.PurgeSignInRecords;

internal sealed class PurgeSignInRecordsCommandHandler(
    IRepository<LoginAttempt> loginAttempts,
    IRepository<RefreshToken> refreshTokens,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<PurgeSignInRecordsCommand, SignInRecordsPurged>
{
    public async Task<SignInRecordsPurged> Handle(PurgeSignInRecordsCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var attempts = await loginAttempts.DeleteAsync(new LoginAttemptsBeforeSpec(now - request.LoginAttemptsRetention), cancellationToken);
        var tokens = await refreshTokens.DeleteAsync(new RefreshTokensOfSessionsEndedBeforeSpec(now - request.RefreshTokensRetention), cancellationToken);
        audit.Target("sign_in_records", null).Describe(string.Create(
            CultureInfo.InvariantCulture, $"Purged {attempts} failed sign-ins and {tokens} refresh tokens of ended sessions"));
        return new SignInRecordsPurged(attempts, tokens);
    }
}
