namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// Passwords too common to accept: a list shipped with the service plus the operator's own
/// (<c>Accounts:CommonPasswordsFile</c>), loaded once. Registered as a singleton, so validators may depend on it.
/// </summary>
public interface ICommonPasswords
{
    /// <summary>Whether <paramref name="password"/> is on the list, ignoring case.</summary>
    bool Contains(string password);
}
