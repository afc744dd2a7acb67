namespace RiskPlatform.Application.Auth.Common;

/// <summary>
/// Account settings (configuration section <c>Accounts</c>). <see cref="AdminEmails"/> once made whoever registered a listed
/// address an admin; nothing proves that a registrant owns an address, so it is no longer honoured and the service refuses to
/// start while it is set, rather than let an operator believe it still works. Operators grant admin with
/// <c>users grant-admin EMAIL</c> on the command line.
/// </summary>
public sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    public const string AdminEmailsRemoved =
        "Accounts:AdminEmails is no longer honoured (nothing proves a registrant owns the address): remove it and grant admin "
        + "with `dotnet run --project src/Api -- users grant-admin EMAIL`.";

    public IList<string> AdminEmails { get; } = [];
}
