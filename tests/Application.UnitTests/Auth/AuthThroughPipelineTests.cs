using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using RiskPlatform.Application.Auth.Commands.Login;
using RiskPlatform.Application.Auth.Commands.RefreshAccessToken;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.UnitTests.Support;
using RiskPlatform.Domain.Auditing;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.UnitTests.Auth;

/// <summary>The auth handlers inside the real pipeline: refusals whose side effects must stand are committed with their audit row.</summary>
public sealed class AuthThroughPipelineTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Login_WhenPasswordIsWrong_CommitsTheFailedAttemptWithADeniedRowAndNoSecretAnywhere()
    {
        var fixture = new AuthFixture();
        var user = fixture.AddUser();
        await using var host = Host(fixture);

        await Assert.ThrowsAsync<UnauthorizedException>(
            () => host.SendAsync(new LoginCommand("ann@example.com", "hunter2-secret"), Cancellation));

        Assert.Single(fixture.LoginAttempts);
        Assert.Equal(["begin", "save", "audit-row:Denied", "save", "commit", "dispose-transaction"], UnitOfWorkEvents(host));
        var row = Assert.Single(host.AuditRows);
        Assert.Equal(("Login", "invalid_credentials", "user", user.Id), (row.Action, row.ErrorCode, row.ResourceType, row.ResourceId));
        Assert.Equal(user.Id, row.UserId); // the owner sees the refusal in their own audit log
        Assert.DoesNotContain(host.Journal.Entries, e => e.Contains("hunter2-secret", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Journal.Logs, l => l.Message.Contains("hunter2-secret", StringComparison.Ordinal));
        Assert.DoesNotContain("hunter2-secret", row.Description ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WhenThrottled_RollsBackAndRecordsADeniedRow()
    {
        var fixture = new AuthFixture();
        fixture.AddUser();
        fixture.AddFailedLogins(5, "ann@example.com", PipelineHost.IpAddress, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(10));
        await using var host = Host(fixture);

        await Assert.ThrowsAsync<TooManyRequestsException>(
            () => host.SendAsync(new LoginCommand("ann@example.com", AuthFixture.Password), Cancellation));

        Assert.Equal(["begin", "rollback", "discard", "begin", "audit-row:Denied", "save", "commit", "dispose-transaction", "dispose-transaction"], UnitOfWorkEvents(host));
        Assert.Equal("too_many_login_attempts", Assert.Single(host.AuditRows).ErrorCode);
    }

    [Fact]
    public async Task Login_WhenSuccessful_AuditsAsTheSignedInUser()
    {
        var fixture = new AuthFixture();
        var user = fixture.AddUser();
        await using var host = Host(fixture, signedIn: false);

        await host.SendAsync(new LoginCommand("ann@example.com", AuthFixture.Password), Cancellation);

        var row = Assert.Single(host.AuditRows);
        Assert.Equal((AuditOutcome.Succeeded, user.Id, "Login"), (row.Outcome, row.UserId, row.Action));
        Assert.Equal(["begin", "save", "audit-row:Succeeded", "save", "commit", "dispose-transaction"], UnitOfWorkEvents(host));
    }

    [Fact]
    public async Task Refresh_WhenASpentTokenIsReused_CommitsTheFamilyRevocationWithADeniedRowThenClosesItsConnections()
    {
        var fixture = new AuthFixture();
        var user = fixture.AddUser();
        var family = Guid.CreateVersion7();
        fixture.AddRefreshToken(user, "stolen", family).Spend(fixture.Now.AddMinutes(-10));
        var successor = fixture.AddRefreshToken(user, "successor", family);
        await using var host = Host(fixture, signedIn: false);

        await Assert.ThrowsAsync<UnauthorizedException>(() => host.SendAsync(new RefreshAccessTokenCommand("stolen"), Cancellation));

        Assert.NotNull(successor.RevokedAt);
        Assert.Equal(["begin", "save", "audit-row:Denied", "save", "commit", "dispose-transaction"], UnitOfWorkEvents(host));
        var row = Assert.Single(host.AuditRows);
        Assert.Equal(("RefreshAccessToken", "refresh_token_reused", user.Id, family), (row.Action, row.ErrorCode, row.UserId, row.ResourceId));
        fixture.SessionConnections.Received(1).Close(family);
    }

    private static PipelineHost Host(AuthFixture fixture, bool signedIn = true)
    {
        var host = new PipelineHost(services =>
        {
            services.AddScoped(_ => fixture.UserRepository);
            services.AddScoped<IReadRepository<User>>(_ => fixture.UserRepository);
            services.AddScoped(_ => fixture.LoginAttemptRepository);
            services.AddScoped(_ => fixture.RefreshTokenRepository);
            services.AddScoped(_ => fixture.AuthenticatorRepository);
            services.AddScoped<IReadRepository<TotpAuthenticator>>(_ => fixture.AuthenticatorRepository);
            services.AddSingleton(fixture.Totp);
            services.AddSingleton(fixture.PasswordHasher);
            services.AddSingleton(fixture.Tokens);
            services.AddSingleton(fixture.SessionConnections);
            services.AddSingleton(fixture.TransactionLock);
            services.AddSingleton<TimeProvider>(fixture.Time);
        });
        if (!signedIn)
        {
            host.CurrentUser.UserId.Returns((Guid?)null);
        }

        return host;
    }

    private static List<string> UnitOfWorkEvents(PipelineHost host) => host.Journal.Entries
        .Where(e => e is "begin" or "save" or "commit" or "rollback" or "discard" or "dispose-transaction" || e.StartsWith("audit-row:", StringComparison.Ordinal))
        .ToList();
}
