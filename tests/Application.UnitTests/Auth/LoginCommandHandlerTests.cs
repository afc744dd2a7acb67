using NSubstitute;
using RiskPlatform.Application.Auth.Commands.Login;
using RiskPlatform.Application.Common.Authentication;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.UnitTests.Support;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.UnitTests.Auth;

public sealed class LoginCommandHandlerTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenEmailIsUnknownOrPasswordIsWrong_RefusesBothTheSameWay()
    {
        var unknownEmail = new AuthFixture();
        unknownEmail.AddUser("ann@example.com");
        var wrongPassword = new AuthFixture();
        wrongPassword.AddUser("ann@example.com");

        var unknown = await Assert.ThrowsAsync<UnauthorizedException>(
            () => unknownEmail.LoginHandler().Handle(new LoginCommand("bob@example.com", AuthFixture.Password), Cancellation));
        var wrong = await Assert.ThrowsAsync<UnauthorizedException>(
            () => wrongPassword.LoginHandler().Handle(new LoginCommand("ann@example.com", "not the password"), Cancellation));

        Assert.Equal((wrong.Code, wrong.Message, wrong.PersistChanges), (unknown.Code, unknown.Message, unknown.PersistChanges));
        Assert.Equal("invalid_credentials", unknown.Code);
        Assert.True(unknown.PersistChanges);
    }

    [Fact]
    public async Task Handle_WhenEmailIsUnknown_StillSpendsAPasswordVerification()
    {
        var fixture = new AuthFixture();

        await Assert.ThrowsAsync<UnauthorizedException>(
            () => fixture.LoginHandler().Handle(new LoginCommand("bob@example.com", "whatever123"), Cancellation));

        fixture.PasswordHasher.Received(1).Verify(null, "whatever123");
    }

    [Fact]
    public async Task Handle_WhenRefused_RecordsAFailedAttemptForTheNormalisedEmailAndAddress()
    {
        var fixture = new AuthFixture();
        fixture.AddUser("ann@example.com");

        await Assert.ThrowsAsync<UnauthorizedException>(
            () => fixture.LoginHandler().Handle(new LoginCommand("  Ann@Example.com ", "not the password"), Cancellation));

        var attempt = Assert.Single(fixture.LoginAttempts);
        Assert.Equal(("ANN@EXAMPLE.COM", AuthFixture.IpAddress, fixture.Now), (attempt.NormalizedEmail, attempt.IpAddress, attempt.AttemptedAt));
        Assert.Empty(fixture.RefreshTokens);
    }

    [Fact]
    public async Task Handle_WhenTheEmailHasFiveRecentFailuresFromThisAddress_ThrowsTooManyRequestsUntilTheOldestCountedFailureLeavesTheWindow()
    {
        var fixture = new AuthFixture();
        var user = fixture.AddUser("ann@example.com");
        fixture.AddFailedLogins(5, "ann@example.com", AuthFixture.IpAddress, firstAgo: TimeSpan.FromMinutes(10), spacing: TimeSpan.FromMinutes(2));

        var exception = await Assert.ThrowsAsync<TooManyRequestsException>(
            () => fixture.LoginHandler().Handle(new LoginCommand("ann@example.com", AuthFixture.Password), Cancellation));

        Assert.Equal("too_many_login_attempts", exception.Code);
        Assert.Equal(TimeSpan.FromMinutes(5), exception.RetryAfter);
        Assert.True(exception.RetryAfter > TimeSpan.Zero);
        fixture.PasswordHasher.DidNotReceiveWithAnyArgs().Verify(default, default!);
        Assert.Null(user.LastLogin);
        Assert.Equal(5, fixture.LoginAttempts.Count);
    }

    [Fact]
    public async Task Handle_WhenStrangersElsewhereFailedForTheEmail_StillSignsTheOwnerIn()
    {
        var fixture = new AuthFixture();
        var user = fixture.AddUser("ann@example.com");
        fixture.AddFailedLogins(15, "ann@example.com", "192.0.2.1", firstAgo: TimeSpan.FromMinutes(10), spacing: TimeSpan.FromSeconds(30));
        fixture.AddFailedLogins(15, "ann@example.com", ipAddress: null, firstAgo: TimeSpan.FromMinutes(10), spacing: TimeSpan.FromSeconds(30));

        await fixture.LoginHandler().Handle(new LoginCommand("ann@example.com", AuthFixture.Password), Cancellation);

        Assert.Equal(fixture.Now, user.LastLogin);
    }

    [Fact]
    public async Task Handle_Always_TakesTheLockOnEmailAndAddressBeforeCounting()
    {
        var fixture = new AuthFixture();
        fixture.AddUser("ann@example.com");
        fixture.TransactionLock.AcquireAsync(Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(_ => Task.FromException(new InvalidOperationException("lock taken")));

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => fixture.LoginHandler().Handle(new LoginCommand(" Ann@Example.com", "wrong password"), Cancellation));

        await fixture.TransactionLock.Received(1).AcquireAsync($"sign-in:ANN@EXAMPLE.COM|{AuthFixture.IpAddress}", Arg.Any<CancellationToken>());
        Assert.Empty(fixture.LoginAttempts);
        fixture.PasswordHasher.DidNotReceiveWithAnyArgs().Verify(default, default!);
    }

    [Fact]
    public async Task Handle_WhenTheAddressHasTwentyRecentFailuresAcrossEmails_ThrowsTooManyRequests()
    {
        var fixture = new AuthFixture();
        fixture.AddUser("ann@example.com");
        for (var i = 0; i < 20; i++)
        {
            fixture.AddFailedLogins(1, $"guess{i}@example.com", AuthFixture.IpAddress, firstAgo: TimeSpan.FromMinutes(14 - (i * 0.5)), spacing: TimeSpan.Zero);
        }

        var exception = await Assert.ThrowsAsync<TooManyRequestsException>(
            () => fixture.LoginHandler().Handle(new LoginCommand("ann@example.com", AuthFixture.Password), Cancellation));

        Assert.Equal(TimeSpan.FromMinutes(1), exception.RetryAfter);
    }

    [Theory]
    [InlineData(4, 10, "ann@example.com")]   // below the limit
    [InlineData(5, 20, "ann@example.com")]   // enough failures, but all older than fifteen minutes
    [InlineData(5, 10, "bob@example.com")]   // recent failures for another email from another address
    public async Task Handle_WhenFailuresDoNotReachTheLimit_SignsIn(int failures, int firstMinutesAgo, string failedEmail)
    {
        var fixture = new AuthFixture();
        fixture.AddUser("ann@example.com");
        fixture.AddFailedLogins(failures, failedEmail, "192.0.2.1", firstAgo: TimeSpan.FromMinutes(firstMinutesAgo), spacing: TimeSpan.FromSeconds(30));

        var response = await fixture.LoginHandler().Handle(new LoginCommand("ann@example.com", AuthFixture.Password), Cancellation);

        Assert.Equal("refresh-1", response.Tokens!.RefreshToken);
    }

    [Fact]
    public async Task Handle_WhenCredentialsAreRight_RecordsTheLoginAndIssuesTokens()
    {
        var fixture = new AuthFixture();
        var user = fixture.AddUser("ann@example.com");

        var response = await fixture.LoginHandler().Handle(new LoginCommand(" ANN@example.com", AuthFixture.Password), Cancellation);

        Assert.Equal(fixture.Now, user.LastLogin);
        var issued = Assert.Single(fixture.RefreshTokens);
        Assert.Equal(user.Id, issued.UserId);
        Assert.Equal(AuthFixture.HashOf("refresh-1"), issued.TokenHash);
        Assert.NotEqual(Guid.Empty, issued.FamilyId);
        Assert.Equal(fixture.Now.AddDays(30), issued.ExpiresAt);
        Assert.True(issued.IsUsable(fixture.Now));
        Assert.Equal($"access:{user.Id}:ann@example.com:user", response.Tokens!.AccessToken);
        Assert.Equal(("refresh-1", "bearer", 900), (response.Tokens!.RefreshToken, response.Tokens!.TokenType, response.Tokens!.ExpiresIn));
        Assert.Empty(fixture.LoginAttempts);
        Assert.Equal((user.Id, "user", user.Id), (fixture.Audit.ActingUserId, fixture.Audit.ResourceType, fixture.Audit.ResourceId));
    }

    [Theory]
    [InlineData(UserRole.User)]
    [InlineData(UserRole.Admin)]
    public async Task Handle_WhenCredentialsAreRight_KeepsTheRoleAnOperatorGave(UserRole role)
    {
        var fixture = new AuthFixture();
        var user = fixture.AddUser("ann@example.com");
        user.AssignRole(role);

        var response = await fixture.LoginHandler().Handle(new LoginCommand("ann@example.com", AuthFixture.Password), Cancellation);

        Assert.Equal(role, user.Role);
        Assert.Equal($"access:{user.Id}:ann@example.com:{role.ToString().ToLowerInvariant()}", response.Tokens!.AccessToken);
    }

    [Fact]
    public async Task Handle_WhenSigningInTwice_StartsADifferentTokenFamilyEachTime()
    {
        var fixture = new AuthFixture();
        fixture.AddUser();

        await fixture.LoginHandler().Handle(new LoginCommand("ann@example.com", AuthFixture.Password), Cancellation);
        await fixture.LoginHandler().Handle(new LoginCommand("ann@example.com", AuthFixture.Password), Cancellation);

        Assert.Equal(2, fixture.RefreshTokens.Select(t => t.FamilyId).Distinct().Count());
    }

    [Theory]
    [InlineData(PasswordCheck.Succeeded, "hash:" + AuthFixture.Password)]
    [InlineData(PasswordCheck.SucceededRehashNeeded, "hash:hash-again")]
    public async Task Handle_WhenTheStoredHashIsOutdated_StoresAFreshHash(PasswordCheck outcome, string expectedHash)
    {
        var fixture = new AuthFixture { VerifyOutcome = outcome };
        var user = fixture.AddUser();
        fixture.PasswordHasher.Hash(AuthFixture.Password).Returns("hash:hash-again");

        await fixture.LoginHandler().Handle(new LoginCommand("ann@example.com", AuthFixture.Password), Cancellation);

        Assert.Equal(expectedHash, user.PasswordHash);
    }

    [Fact]
    public async Task Handle_WhenRefused_DescribesTheRefusalWithoutTheSubmittedPasswordAndShowsItToTheOwner()
    {
        var fixture = new AuthFixture();
        var user = fixture.AddUser();

        await Assert.ThrowsAsync<UnauthorizedException>(
            () => fixture.LoginHandler().Handle(new LoginCommand("ann@example.com", "hunter2-secret"), Cancellation));

        Assert.NotNull(fixture.Audit.Description);
        Assert.DoesNotContain("hunter2-secret", fixture.Audit.Description, StringComparison.Ordinal);
        Assert.Equal(user.Id, fixture.Audit.ActingUserId);
    }

    [Fact]
    public async Task Handle_WhenTheEmailIsUnknown_RecordsTheRefusalForNoUser()
    {
        var fixture = new AuthFixture();
        fixture.AddUser();

        await Assert.ThrowsAsync<UnauthorizedException>(
            () => fixture.LoginHandler().Handle(new LoginCommand("bob@example.com", "hunter2-secret"), Cancellation));

        Assert.Null(fixture.Audit.ActingUserId);
    }
}
