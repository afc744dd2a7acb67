using RiskPlatform.Domain.Users;

namespace RiskPlatform.Domain.UnitTests.Users;

public sealed class RefreshTokenSessionTests
{
    private static readonly DateTime SignedInAt = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(14);
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(30);

    [Fact]
    public void IssueSuccessor_RefreshedEveryDay_NeverOutlivesTheSession()
    {
        var token = RefreshToken.StartSession(Guid.CreateVersion7(), Guid.CreateVersion7(), "h0", SignedInAt, TokenLifetime, SessionLifetime);
        var sessionEnd = SignedInAt + SessionLifetime;

        for (var day = 1; token.IsUsable(SignedInAt.AddDays(day)); day++)
        {
            token = token.IssueSuccessor($"h{day}", SignedInAt.AddDays(day), TokenLifetime);
            Assert.True(token.ExpiresAt <= sessionEnd, $"the successor of day {day} expires at {token.ExpiresAt:O}, after the session");
        }

        Assert.Equal(sessionEnd, token.ExpiresAt);
        Assert.False(token.IsUsable(sessionEnd));
    }

    [Theory]
    [InlineData(0, 14)]
    [InlineData(16, 14)]
    [InlineData(20, 10)]
    [InlineData(29, 1)]
    public void IssueSuccessor_OnDay_ExpiresAtTheEarlierOfItsLifetimeAndTheSessionEnd(int day, int expectedDaysLeft)
    {
        var first = RefreshToken.StartSession(Guid.CreateVersion7(), Guid.CreateVersion7(), "h0", SignedInAt, TokenLifetime, SessionLifetime);
        var now = SignedInAt.AddDays(day);

        var successor = first.IssueSuccessor("h1", now, TokenLifetime);

        Assert.Equal(now.AddDays(expectedDaysLeft), successor.ExpiresAt);
        Assert.Equal((first.FamilyId, first.UserId, first.SessionExpiresAt), (successor.FamilyId, successor.UserId, successor.SessionExpiresAt));
    }
}
