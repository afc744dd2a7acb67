using Microsoft.Extensions.Options;
using RiskPlatform.Application.Auth.Common;

namespace RiskPlatform.Infrastructure.Identity.CommonPasswords;

/// <summary>Refuses to start with an <c>Accounts:CommonPasswordsFile</c> that is missing or cannot be read, saying which and why.</summary>
internal sealed class CommonPasswordsFileValidator : IValidateOptions<AccountOptions>
{
    public ValidateOptionsResult Validate(string? name, AccountOptions options)
    {
        if (options.CommonPasswordsFile is not { } path)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            CommonPasswordList.ReadFile(path);
            return ValidateOptionsResult.Success;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return ValidateOptionsResult.Fail(
                $"Accounts:CommonPasswordsFile '{path}' cannot be read ({exception.GetType().Name}: {exception.Message}); fix the path or remove the setting.");
        }
    }
}
