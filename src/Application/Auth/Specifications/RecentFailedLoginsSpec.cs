using Ardalis.Specification;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Specifications;

/// <summary>Failed sign-ins since a time for one email from one IP address, or from one IP address, oldest first.</summary>
public sealed class RecentFailedLoginsSpec : Specification<LoginAttempt>
{
    private RecentFailedLoginsSpec() { }

    public static RecentFailedLoginsSpec ForEmailFromIpAddress(string normalizedEmail, string? ipAddress, DateTime since)
    {
        var spec = new RecentFailedLoginsSpec();
        spec.Query.Where(a => a.NormalizedEmail == normalizedEmail && a.IpAddress == ipAddress && a.AttemptedAt >= since).OrderBy(a => a.AttemptedAt);
        return spec;
    }

    public static RecentFailedLoginsSpec ForIpAddress(string ipAddress, DateTime since)
    {
        var spec = new RecentFailedLoginsSpec();
        spec.Query.Where(a => a.IpAddress == ipAddress && a.AttemptedAt >= since).OrderBy(a => a.AttemptedAt);
        return spec;
    }
}
