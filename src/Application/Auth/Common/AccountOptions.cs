using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Common;

/// <summary>
/// Account settings (configuration section <c>Accounts</c>). <see cref="AdminEmails"/> lists the operators: a listed email
/// registers as, or on its next sign-in becomes, <c>admin</c>; an email removed from the list is back to <c>user</c> on its next
/// sign-in. Admins publish market data (<c>PUT /api/v1/market/quotes/{symbol}</c>), which moves every account holding the symbol.
/// </summary>
public sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    public IList<string> AdminEmails { get; } = [];

    public UserRole RoleFor(string email)
    {
        var normalized = User.Normalize(email);
        return AdminEmails.Any(admin => User.Normalize(admin) == normalized) ? UserRole.Admin : UserRole.User;
    }
}
