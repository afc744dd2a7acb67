using Microsoft.Extensions.Options;
using MimeKit;

namespace RiskPlatform.Infrastructure.Email;

/// <summary>Checks <see cref="SmtpOptions"/> when <c>Smtp:Host</c> is set; without a host email is simply off.</summary>
internal sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.Port is { } port and (< 1 or > 65535))
        {
            failures.Add("Smtp:Port must be between 1 and 65535.");
        }

        if (!Enum.IsDefined(options.Security))
        {
            failures.Add("Smtp:Security must be none, starttls or ssl.");
        }

        if (string.IsNullOrWhiteSpace(options.From) || !MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            failures.Add("Smtp:From must be an email address, e.g. \"RiskPlatform <alerts@example.com>\".");
        }

        if (string.IsNullOrEmpty(options.Username) != string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Smtp:Username and Smtp:Password must be set together.");
        }

        if (options.Security == SmtpSecurity.None && !string.IsNullOrEmpty(options.Password) && !IsLoopback(options.Host))
        {
            failures.Add("Smtp:Security=none would send Smtp:Password in clear to a remote server; use starttls or ssl (none with credentials is accepted only for a relay on this machine).");
        }

        if (options.MaxConnections is < 1 or > 64)
        {
            failures.Add("Smtp:MaxConnections must be between 1 and 64.");
        }

        if (options.ConnectionIdleTimeout < TimeSpan.Zero)
        {
            failures.Add("Smtp:ConnectionIdleTimeout must not be negative.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add("Smtp:Timeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLoopback(string? host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address));
}
