using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Common.Authentication;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Identity;

/// <summary>
/// ASP.NET Core Identity's PBKDF2 password hasher (format 3, HMAC-SHA512) behind the Application port, at
/// <c>Accounts:PasswordHashIterations</c>. A stored hash with fewer iterations (or an older format) verifies as
/// <see cref="PasswordCheck.SucceededRehashNeeded"/>, and sign-in stores a new one.
/// </summary>
internal sealed class PasswordHasherAdapter : IPasswordHasher
{
    private static readonly object User = new();

    private readonly PasswordHasher<object> _hasher;

    // Verifying an unknown email against a real hash costs the same as a wrong password.
    private readonly string _decoyHash;

    public PasswordHasherAdapter(IOptions<AccountOptions> options)
    {
        _hasher = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions { IterationCount = options.Value.PasswordHashIterations }));
        _decoyHash = _hasher.HashPassword(User, Guid.NewGuid().ToString("N"));
    }

    public string Hash(string password) => _hasher.HashPassword(User, password);

    public PasswordCheck Verify(string? hash, string password)
    {
        var result = _hasher.VerifyHashedPassword(User, hash ?? _decoyHash, password);
        if (hash is null)
        {
            return PasswordCheck.Failed;
        }

        return result switch
        {
            PasswordVerificationResult.Success => PasswordCheck.Succeeded,
            PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SucceededRehashNeeded,
            _ => PasswordCheck.Failed,
        };
    }
}
