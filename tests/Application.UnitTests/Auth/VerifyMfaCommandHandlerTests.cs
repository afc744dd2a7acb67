using RiskPlatform.Application.Auth.Commands.Login;
using RiskPlatform.Application.Auth.Commands.VerifyMfa;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.UnitTests.Support;

namespace RiskPlatform.Application.UnitTests.Auth;

public sealed class VerifyMfaCommandHandlerTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Login_WhenTheAccountHasAnEnabledAuthenticator_ReturnsAChallengeAndNoTokens()
    {
        var fixture = new AuthFixture();
        var user = fixture.AddUser();
        fixture.AddEnabledAuthenticator(user);

        var outcome = await fixture.LoginHandler().Handle(new LoginCommand("ann@example.com", AuthFixture.Password), Cancellation);

        Assert.Null(outcome.Tokens);
        Assert.Equal((true, $"challenge:{user.Id}", 300), (outcome.MfaChallenge!.MfaRequired, outcome.MfaChallenge.ChallengeToken, outcome.MfaChallenge.ExpiresIn));
        Assert.Empty(fixture.RefreshTokens);
        Assert.Null(user.LastLogin);
    }

    [Fact]
    public async Task Handle_WithARightCode_IssuesTokensAndRecordsTheLogin()
    {
        var fixture = new AuthFixture();
        var user = fixture.AddUser();
        var authenticator = fixture.AddEnabledAuthenticator(user);

        var tokens = await fixture.VerifyMfaHandler().Handle(new VerifyMfaCommand($"challenge:{user.Id}", "123456"), Cancellation);

        Assert.Equal("refresh-1", tokens.RefreshToken);
        Assert.Equal(fixture.Now, user.LastLogin);
        Assert.Equal(1000, authenticator.LastUsedTimeStep);
        Assert.Equal(user.Id, fixture.Audit.ActingUserId);
    }

    [Fact]
    public async Task Handle_WhenTheSameCodeIsPresentedAgain_RefusesItAndCountsAFailure()
    {
        var fixture = new AuthFixture();
        var user = fixture.AddUser();
        fixture.AddEnabledAuthenticator(user);
        await fixture.VerifyMfaHandler().Handle(new VerifyMfaCommand($"challenge:{user.Id}", "123456"), Cancellation);

        var refused = await Assert.ThrowsAsync<UnauthorizedException>(
            () => fixture.VerifyMfaHandler().Handle(new VerifyMfaCommand($"challenge:{user.Id}", "123456"), Cancellation));

        Assert.Equal(("invalid_mfa_code", true), (refused.Code, refused.PersistChanges));
        Assert.Single(fixture.LoginAttempts);
        Assert.Single(fixture.RefreshTokens);
    }

    [Fact]
    public async Task Handle_WithARecoveryCode_AcceptsItOnce()
    {
        var fixture = new AuthFixture();
        var user = fixture.AddUser();
        var authenticator = fixture.AddEnabledAuthenticator(user, 900, "abcde-fghjk", "mnpqr-stuvw");

        await fixture.VerifyMfaHandler().Handle(new VerifyMfaCommand($"challenge:{user.Id}", "ABCDE-FGHJK"), Cancellation);
        await Assert.ThrowsAsync<UnauthorizedException>(
            () => fixture.VerifyMfaHandler().Handle(new VerifyMfaCommand($"challenge:{user.Id}", "abcde-fghjk"), Cancellation));

        Assert.Equal(1, authenticator.RecoveryCodesLeft);
        Assert.Single(fixture.RefreshTokens);
    }

    [Fact]
    public async Task Handle_WhenFiveCodesFailedFromThisAddress_ThrowsTooManyRequestsWithoutCheckingTheCode()
    {
        var fixture = new AuthFixture();
        var user = fixture.AddUser();
        fixture.AddEnabledAuthenticator(user);
        fixture.AddFailedLogins(5, "ann@example.com", AuthFixture.IpAddress, firstAgo: TimeSpan.FromMinutes(5), spacing: TimeSpan.FromSeconds(10));

        await Assert.ThrowsAsync<TooManyRequestsException>(
            () => fixture.VerifyMfaHandler().Handle(new VerifyMfaCommand($"challenge:{user.Id}", "123456"), Cancellation));

        Assert.Empty(fixture.RefreshTokens);
    }

    [Theory]
    [InlineData("not-a-challenge")]
    [InlineData("challenge:0195f7a0-0000-7000-8000-000000000000")] // a user that does not exist
    public async Task Handle_WithAnUnusableChallenge_RefusesWithoutCountingAFailure(string challenge)
    {
        var fixture = new AuthFixture();
        fixture.AddUser();

        var refused = await Assert.ThrowsAsync<UnauthorizedException>(
            () => fixture.VerifyMfaHandler().Handle(new VerifyMfaCommand(challenge, "123456"), Cancellation));

        Assert.Equal("invalid_challenge", refused.Code);
        Assert.Empty(fixture.LoginAttempts);
    }
}
