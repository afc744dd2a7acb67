using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Identity.CommonPasswords;

/// <summary>
/// The shipped lists (<see cref="ShippedCommonPasswords"/>), plus the operator's <c>Accounts:CommonPasswordsFile</c> when
/// one is configured, merged once when the service first needs them. <see cref="CommonPasswordsFileValidator"/> has
/// already refused to start the service if that file cannot be read.
/// </summary>
internal sealed class CommonPasswordList(IOptions<AccountOptions> options) : ICommonPasswords
{
    private readonly FrozenSet<string> _passwords = options.Value.CommonPasswordsFile is { } path
        ? ShippedCommonPasswords.Passwords.Concat(ReadFile(path)).ToFrozenSet(StringComparer.OrdinalIgnoreCase)
        : ShippedCommonPasswords.Passwords;

    public bool Contains(string password) => _passwords.Contains(password);

    /// <summary>The entries of an operator's list (UTF-8, one password per line).</summary>
    public static List<string> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return ShippedCommonPasswords.Entries(reader).ToList();
    }
}
