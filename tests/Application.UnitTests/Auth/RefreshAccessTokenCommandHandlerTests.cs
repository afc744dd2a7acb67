using RiskPlatform.Application.Auth.Commands.RefreshAccessToken;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.UnitTests.Support;

namespace RiskPlatform.Application.UnitTests.Auth;

public sealed class RefreshAccessTokenCommandHandlerTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenTokenIsLive_SpendsItAndIssuesASuccessorInTheSameFamily()
    {
        var fixture = new AuthFixture();
        var user = fixture.AddUser();
        var family = Guid.CreateVersion7();
        var presented = fixture.AddRefreshToken(user, "presented", family);

        var response = await fixture.RefreshHandler().Handle(new RefreshAccessTokenCommand("presented"), Cancellation);

        Assert.Equal(fixture.Now, presented.SpentAt);
        var successor = Assert.Single(fixture.RefreshTokens, t => t != presented);
        Assert.Equal((user.Id, family, AuthFixture.HashOf("refresh-1")), (successor.UserId, successor.FamilyId, successor.TokenHash));
        Assert.True(successor.IsUsable(fixture.Now));
        Assert.Equal(("refresh-1", "bearer", 900), (response.RefreshToken, response.TokenType, response.ExpiresIn));
        Assert.Equal($"access:{user.Id}:ann@example.com:user", response.AccessToken);
        Assert.Equal((user.Id, "refresh_token_family", family), (fixture.Audit.ActingUserId, fixture.Audit.ResourceType, fixture.Audit.ResourceId));
    }

    [Fact]
    public async Task Handle_WhenASpentTokenIsPresentedAgain_RevokesItsWholeFamilyAndAsksToPersistThat()
    {
        var fixture = new AuthFixture();
        var user = fixture.AddUser();
        var family = Guid.CreateVersion7();
        var spent = fixture.AddRefreshToken(user, "stolen", family, issuedAt: fixture.Now.AddHours(-2));
        spent.Spend(fixture.Now.AddHours(-1));
        var successor = fixture.AddRefreshToken(user, "successor", family);
        var otherDevice = fixture.AddRefreshToken(user, "other-device", Guid.CreateVersion7());

        var exception = await Assert.ThrowsAsync<UnauthorizedException>(
            () => fixture.RefreshHandler().Handle(new RefreshAccessTokenCommand("stolen"), Cancellation));

        Assert.Equal("refresh_token_reused", exception.Code);
        Assert.True(exception.PersistChanges);
        Assert.Equal(fixture.Now, spent.RevokedAt);
        Assert.Equal(fixture.Now, successor.RevokedAt);
        Assert.False(successor.IsUsable(fixture.Now));
        Assert.Null(otherDevice.RevokedAt);
        Assert.Equal(3, fixture.RefreshTokens.Count);
        Assert.Equal(user.Id, fixture.Audit.ActingUserId);
    }

    [Fact]
    public async Task Handle_WhenTokenIsUnknown_RefusesWithoutPersistingAnything()
    {
        var fixture = new AuthFixture();
        var user = fixture.AddUser();
        var other = fixture.AddRefreshToken(user, "someone-elses", Guid.CreateVersion7());

        var exception = await Assert.ThrowsAsync<UnauthorizedException>(
            () => fixture.RefreshHandler().Handle(new RefreshAccessTokenCommand("made-up"), Cancellation));

        Assert.Equal("invalid_refresh_token", exception.Code);
        Assert.False(exception.PersistChanges);
        Assert.True(other.IsUsable(fixture.Now));
        Assert.Single(fixture.RefreshTokens);
    }

    [Fact]
    public async Task Handle_NearTheEndOfTheSession_IssuesASuccessorThatEndsWithIt()
    {
        var fixture = new AuthFixture();
        var user = fixture.AddUser();
        var signIn = fixture.AddRefreshToken(user, "first", Guid.CreateVersion7(), issuedAt: fixture.Now.AddDays(-44));
        signIn.Spend(fixture.Now.AddDays(-10));
        var presented = signIn.IssueSuccessor(AuthFixture.HashOf("late"), fixture.Now.AddDays(-10), fixture.Tokens.RefreshTokenLifetime);
        fixture.RefreshTokens.Add(presented);

        await fixture.RefreshHandler().Handle(new RefreshAccessTokenCommand("late"), Cancellation);

        var successor = Assert.Single(fixture.RefreshTokens, t => t != presented && t != signIn);
        Assert.Equal(presented.SessionExpiresAt, successor.ExpiresAt);
        Assert.Equal(fixture.Now.AddDays(1), successor.ExpiresAt);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("revoked")]
    public async Task Handle_WhenTokenIsNoLongerUsable_RefusesWithTheSameMessageAndIssuesNothing(string state)
    {
        var fixture = new AuthFixture();
        var user = fixture.AddUser();
        var presented = fixture.AddRefreshToken(user, "old", Guid.CreateVersion7(), issuedAt: fixture.Now.AddDays(-31));
        if (state == "revoked")
        {
            presented = fixture.AddRefreshToken(user, "revoked", Guid.CreateVersion7());
            presented.Revoke(fixture.Now.AddMinutes(-5));
        }

        var exception = await Assert.ThrowsAsync<UnauthorizedException>(
            () => fixture.RefreshHandler().Handle(new RefreshAccessTokenCommand(state == "revoked" ? "revoked" : "old"), Cancellation));

        Assert.Equal(("invalid_refresh_token", "The refresh token is invalid or expired."), (exception.Code, exception.Message));
        Assert.False(exception.PersistChanges);
        Assert.Null(presented.SpentAt);
        Assert.DoesNotContain(fixture.RefreshTokens, t => t.TokenHash == AuthFixture.HashOf("refresh-1"));
    }

    [Fact]
    public async Task Handle_WhenTheTokensUserNoLongerExists_Refuses()
    {
        var fixture = new AuthFixture();
        var user = fixture.AddUser();
        fixture.AddRefreshToken(user, "orphan", Guid.CreateVersion7());
        fixture.Users.Clear();

        var exception = await Assert.ThrowsAsync<UnauthorizedException>(
            () => fixture.RefreshHandler().Handle(new RefreshAccessTokenCommand("orphan"), Cancellation));

        Assert.Equal("invalid_refresh_token", exception.Code);
    }
}
