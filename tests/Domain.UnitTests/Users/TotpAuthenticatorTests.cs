using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Domain.UnitTests.Users;

public sealed class TotpAuthenticatorTests
{
    private static readonly string HashA = new('a', 64);
    private static readonly string HashB = new('b', 64);
    private static readonly DateTime Now = new(2026, 12, 6, 5, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(1000, false)] // the step that confirmed it
    [InlineData(999, false)]  // an earlier step
    [InlineData(1001, true)]
    public void TryUseTimeStep_AfterConfirmingWithStep1000_AcceptsOnlyLaterSteps(long step, bool accepted)
    {
        var authenticator = Enabled();

        Assert.Equal(accepted, authenticator.TryUseTimeStep(step));
        Assert.Equal(accepted ? step : 1000, authenticator.LastUsedTimeStep);
    }

    [Fact]
    public void TryRedeemRecoveryCode_WhenUsedTwice_SucceedsOnlyTheFirstTime()
    {
        var authenticator = Enabled();

        Assert.True(authenticator.TryRedeemRecoveryCode(HashA));
        Assert.False(authenticator.TryRedeemRecoveryCode(HashA));
        Assert.Equal(1, authenticator.RecoveryCodesLeft);
    }

    [Fact]
    public void Restart_WhenAlreadyEnabled_IsRefused()
    {
        var authenticator = Enabled();

        var refused = Assert.Throws<ConflictException>(() => authenticator.Restart([9, 9]));

        Assert.Equal("mfa.already_enabled", refused.Code);
    }

    [Fact]
    public void Confirm_WithSomethingThatIsNotAHash_IsRefused()
    {
        var authenticator = TotpAuthenticator.Begin(Guid.CreateVersion7(), [1, 2, 3]);

        Assert.Throws<DomainException>(() => authenticator.Confirm(1000, ["abc"], Now));
        Assert.False(authenticator.IsEnabled);
    }

    private static TotpAuthenticator Enabled()
    {
        var authenticator = TotpAuthenticator.Begin(Guid.CreateVersion7(), [1, 2, 3]);
        authenticator.Confirm(1000, [HashA, HashB], Now);
        return authenticator;
    }
}
