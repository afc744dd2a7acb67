using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Common;

/// <summary>
/// Five failures for one email from one IP address, or twenty from one IP address across emails, within fifteen minutes
/// lock sign-in from that address: every attempt beyond them gets 429 until the oldest counted failure leaves the window.
/// Failures from elsewhere never lock an account's owner out. A wrong password and a wrong second-factor code count the
/// same. The count and the new failure are one step under a lock on (email, address), so parallel guesses cannot pass the cap.
/// </summary>
public sealed class SignInThrottle(
    IRepository<LoginAttempt> loginAttempts,
    IRequestContext requestContext,
    IKeyedTransactionLock transactionLock,
    AuditScope audit)
{
    public const int MaxFailuresPerEmailFromIpAddress = 5;
    public const int MaxFailuresPerIpAddress = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>The key of the lock that makes counting and recording a failure one step.</summary>
    public static string LockKey(string normalizedEmail, string? ipAddress) => $"sign-in:{normalizedEmail}|{ipAddress}";

    /// <summary>Takes the (email, address) lock for the rest of the transaction and refuses with 429 once over the limits.</summary>
    public async Task EnterAsync(string normalizedEmail, DateTime now, CancellationToken cancellationToken)
    {
        await transactionLock.AcquireAsync(LockKey(normalizedEmail, requestContext.IpAddress), cancellationToken);

        var since = now - Window;
        var byEmail = await loginAttempts.ListAsync(
            RecentFailedLoginsSpec.ForEmailFromIpAddress(normalizedEmail, requestContext.IpAddress, since), cancellationToken);
        var retryAfter = RetryAfter(byEmail, MaxFailuresPerEmailFromIpAddress, now);

        if (retryAfter is null && requestContext.IpAddress is { } ip)
        {
            var byIp = await loginAttempts.ListAsync(RecentFailedLoginsSpec.ForIpAddress(ip, since), cancellationToken);
            retryAfter = RetryAfter(byIp, MaxFailuresPerIpAddress, now);
        }

        if (retryAfter is { } wait)
        {
            audit.Describe("Sign-in throttled");
            throw new TooManyRequestsException("too_many_login_attempts", "Too many failed sign-in attempts; try again later.", wait);
        }
    }

    /// <summary>Counts one failure for (email, address); the caller refuses with a persisting exception so that it commits.</summary>
    public void RecordFailure(string normalizedEmail, DateTime now) =>
        loginAttempts.Add(LoginAttempt.Failed(normalizedEmail, requestContext.IpAddress, now));

    /// <summary>Once the limit is reached, the caller waits until the oldest counted failure leaves the window.</summary>
    private static TimeSpan? RetryAfter(List<LoginAttempt> failuresOldestFirst, int limit, DateTime now)
    {
        if (failuresOldestFirst.Count < limit)
        {
            return null;
        }

        var unlocksAt = failuresOldestFirst[failuresOldestFirst.Count - limit].AttemptedAt + Window;
        var wait = unlocksAt - now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
    }
}
