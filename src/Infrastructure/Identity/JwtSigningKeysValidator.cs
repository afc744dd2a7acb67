using Microsoft.Extensions.Options;

namespace RiskPlatform.Infrastructure.Identity;

/// <summary>Refuses to start with a signing key ring that is missing, too weak or without an active key, naming the setting.</summary>
internal sealed class JwtSigningKeysValidator : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options) =>
        options.SigningKeyProblem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
