using RiskPlatform.Application.Common.Authentication;

namespace RiskPlatform.Application.Common.Interfaces;

public interface IPasswordHasher
{
    string Hash(string password);

    /// <summary>Verifies a password; with a null hash it still spends the same work, so unknown emails take as long as wrong passwords.</summary>
    PasswordCheck Verify(string? hash, string password);
}
