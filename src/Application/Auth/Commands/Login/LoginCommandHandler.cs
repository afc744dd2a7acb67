using MediatR;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Commands.Login;

internal sealed class LoginCommandHandler(
    IRepository<User> users,
    IRepository<LoginAttempt> loginAttempts,
    IRepository<RefreshToken> refreshTokens,
    IPasswordHasher passwordHasher,
    ITokenService tokens,
    IRequestContext requestContext,
    IKeyedTransactionLock transactionLock,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<LoginCommand, TokenResponse>
{
    public async Task<TokenResponse> Handle(LoginCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var normalizedEmail = User.Normalize(request.Email);
        await transactionLock.AcquireAsync(LoginThrottle.LockKey(normalizedEmail, requestContext.IpAddress), cancellationToken);
        await ThrowIfThrottledAsync(normalizedEmail, now, cancellationToken);

        var user = await users.FirstOrDefaultAsync(new UserByEmailSpec(request.Email), cancellationToken);
        audit.Target("user", user?.Id);

        // Unknown emails are verified against no hash, which spends the same hashing work: same 401, about the same time.
        var check = passwordHasher.Verify(user?.PasswordHash, request.Password);
        if (user is null || check == PasswordCheck.Failed || !user.IsActive)
        {
            loginAttempts.Add(LoginAttempt.Failed(normalizedEmail, requestContext.IpAddress, now));
            audit.Describe("Sign-in refused");
            throw new UnauthorizedException("invalid_credentials", "Invalid email or password.", persistChanges: true);
        }

        if (check == PasswordCheck.SucceededRehashNeeded)
        {
            user.ChangePasswordHash(passwordHasher.Hash(request.Password));
        }

        user.RecordLogin(now);
        var (refreshToken, refreshHash) = tokens.CreateRefreshToken();
        refreshTokens.Add(RefreshToken.StartSession(user.Id, familyId: Guid.CreateVersion7(), refreshHash, now, tokens.RefreshTokenLifetime, tokens.SessionLifetime));
        audit.ActAs(user.Id).Describe("Signed in");

        return new TokenResponse(
            tokens.CreateAccessToken(user.Id, user.Email, user.Role.ToString().ToLowerInvariant()),
            refreshToken,
            "bearer",
            (int)tokens.AccessTokenLifetime.TotalSeconds);
    }

    private async Task ThrowIfThrottledAsync(string normalizedEmail, DateTime now, CancellationToken cancellationToken)
    {
        var since = now - LoginThrottle.Window;
        var byEmail = await loginAttempts.ListAsync(
            RecentFailedLoginsSpec.ForEmailFromIpAddress(normalizedEmail, requestContext.IpAddress, since), cancellationToken);
        var retryAfter = RetryAfter(byEmail, LoginThrottle.MaxFailuresPerEmailFromIpAddress, now);

        if (retryAfter is null && requestContext.IpAddress is { } ip)
        {
            var byIp = await loginAttempts.ListAsync(RecentFailedLoginsSpec.ForIpAddress(ip, since), cancellationToken);
            retryAfter = RetryAfter(byIp, LoginThrottle.MaxFailuresPerIpAddress, now);
        }

        if (retryAfter is { } wait)
        {
            audit.Describe("Sign-in throttled");
            throw new TooManyRequestsException("too_many_login_attempts", "Too many failed sign-in attempts; try again later.", wait);
        }
    }

    /// <summary>Once the limit is reached, the caller waits until the oldest counted failure leaves the window.</summary>
    private static TimeSpan? RetryAfter(List<LoginAttempt> failuresOldestFirst, int limit, DateTime now)
    {
        if (failuresOldestFirst.Count < limit)
        {
            return null;
        }

        var unlocksAt = failuresOldestFirst[failuresOldestFirst.Count - limit].AttemptedAt + LoginThrottle.Window;
        var wait = unlocksAt - now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
    }
}
