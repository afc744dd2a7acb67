using Microsoft.AspNetCore.Identity;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Identity;

/// <summary>ASP.NET Core Identity's PBKDF2 password hasher behind the Application port.</summary>
internal sealed class PasswordHasherAdapter : IPasswordHasher
{
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object User = new();

    // Verifying an unknown email against a real hash costs the same as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword(User, Guid.NewGuid().ToString("N"));

    public string Hash(string password) => Hasher.HashPassword(User, password);

    public PasswordCheck Verify(string? hash, string password)
    {
        var result = Hasher.VerifyHashedPassword(User, hash ?? DecoyHash, password);
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
