using Microsoft.Extensions.Options;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Identity;

/// <summary>Email verification tokens (<see cref="SignedUserTokens"/>), bound to the normalized address, valid for <c>Accounts:EmailVerificationHours</c>.</summary>
internal sealed class EmailVerificationTokens(SignedUserTokens tokens, IOptions<AccountOptions> options, TimeProvider timeProvider) : IEmailVerificationTokens
{
    private const string Purpose = "RiskPlatform/email-verification/v1";

    public string Create(Guid userId, string normalizedEmail) =>
        tokens.Create(Purpose, userId, timeProvider.GetUtcNow().AddHours(options.Value.EmailVerificationHours), normalizedEmail);

    public Guid? UserOf(string token) => SignedUserTokens.UserOf(token);

    public bool IsValid(string token, Guid userId, string normalizedEmail) =>
        tokens.Read(Purpose, token, timeProvider.GetUtcNow(), normalizedEmail) == userId;
}
