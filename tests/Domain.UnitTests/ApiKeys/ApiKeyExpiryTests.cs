using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.ApiKeys.Events;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.UnitTests.ApiKeys;

public sealed class ApiKeyExpiryTests
{
    private static readonly DateTime Now = ApiKeys.Now;
    private static readonly DateTime ExpiresAt = Now.AddDays(30);

    [Theory]
    [InlineData(-1, ApiKeyStatus.Active)]
    [InlineData(0, ApiKeyStatus.Expired)]
    [InlineData(1, ApiKeyStatus.Expired)]
    public void EffectiveStatus_AroundExpiry_IsExpiredFromExpiresAtOn(int secondsFromExpiry, ApiKeyStatus expected)
    {
        var key = ApiKeys.Create(expiresAt: ExpiresAt);

        Assert.Equal(expected, key.EffectiveStatus(ExpiresAt.AddSeconds(secondsFromExpiry)));
        Assert.Equal(ApiKeyStatus.Active, key.Status);
    }

    [Fact]
    public void EffectiveStatus_WhenInactiveAndPastExpiry_IsExpired()
    {
        var key = ApiKeys.Create(expiresAt: ExpiresAt);
        key.UpdateMetadata(null, null, null, null, null, ApiKeyStatus.Inactive, Now);

        Assert.Equal(ApiKeyStatus.Inactive, key.EffectiveStatus(Now));
        Assert.Equal(ApiKeyStatus.Expired, key.EffectiveStatus(ExpiresAt));
    }

    [Fact]
    public void EffectiveStatus_WhenNoExpiry_NeverExpires()
    {
        var key = ApiKeys.Create();

        Assert.Equal(ApiKeyStatus.Active, key.EffectiveStatus(DateTime.MaxValue));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    public void MarkExpiredIfDue_AroundExpiry_StoresExpiredOnlyWhenDue(int secondsFromExpiry, bool expected)
    {
        var key = ApiKeys.Create(expiresAt: ExpiresAt);

        var changed = key.MarkExpiredIfDue(ExpiresAt.AddSeconds(secondsFromExpiry));

        Assert.Equal(expected, changed);
        Assert.Equal(expected ? ApiKeyStatus.Expired : ApiKeyStatus.Active, key.Status);
    }

    [Fact]
    public void MarkExpiredIfDue_WhenAlreadyExpiredOrRevoked_ReturnsFalse()
    {
        var expired = ApiKeys.Create(expiresAt: ExpiresAt);
        expired.MarkExpiredIfDue(ExpiresAt);
        var revoked = ApiKeys.Create(expiresAt: ExpiresAt);
        revoked.Revoke(Now);

        Assert.False(expired.MarkExpiredIfDue(ExpiresAt.AddDays(1)));
        Assert.False(revoked.MarkExpiredIfDue(ExpiresAt.AddDays(1)));
        Assert.Equal(ApiKeyStatus.Revoked, revoked.Status);
    }

    [Theory]
    [InlineData(-8, ExpiryNotice.None)]
    [InlineData(-7, ExpiryNotice.ExpiresSoon)]
    [InlineData(-1, ExpiryNotice.ExpiresSoon)]
    [InlineData(0, ExpiryNotice.Expired)]
    [InlineData(3, ExpiryNotice.Expired)]
    public void DueExpiryNotice_ByDaysFromExpiry_IsTheNoticeForThatPeriod(int daysFromExpiry, ExpiryNotice expected)
    {
        var key = ApiKeys.Create(expiresAt: ExpiresAt);

        Assert.Equal(expected, key.DueExpiryNotice(ExpiresAt.AddDays(daysFromExpiry)));
    }

    [Fact]
    public void NotifyExpiryIfDue_WhenSweptRepeatedly_RaisesEachNoticeOnce()
    {
        var key = ApiKeys.Create(expiresAt: ExpiresAt);
        var raised = new List<ExpiryNotice>();

        for (var day = -10; day <= 3; day++)
        {
            raised.Add(key.NotifyExpiryIfDue(ExpiresAt.AddDays(day)));
            raised.Add(key.NotifyExpiryIfDue(ExpiresAt.AddDays(day).AddHours(1)));
        }

        Assert.Equal([ExpiryNotice.ExpiresSoon, ExpiryNotice.Expired], raised.Where(n => n != ExpiryNotice.None));
        var events = key.DomainEvents.OfType<ApiKeyExpiring>().ToList();
        Assert.Equal([ExpiryNotice.ExpiresSoon, ExpiryNotice.Expired], events.Select(e => e.Notice));
        Assert.All(events, e => Assert.Equal(ExpiresAt, e.ExpiresAt));
        Assert.Equal(ExpiryNotice.Expired, key.ExpiryNoticeSent);
    }

    [Fact]
    public void NotifyExpiryIfDue_WhenFirstSweptAfterExpiry_RaisesOnlyExpired()
    {
        var key = ApiKeys.Create(expiresAt: ExpiresAt);

        var notice = key.NotifyExpiryIfDue(ExpiresAt.AddDays(2));

        Assert.Equal(ExpiryNotice.Expired, notice);
        Assert.Single(key.DomainEvents);
    }

    [Fact]
    public void NotifyExpiryIfDue_WhenRevoked_RaisesNothing()
    {
        var key = ApiKeys.Create(expiresAt: ExpiresAt);
        key.Revoke(Now);

        Assert.Equal(ExpiryNotice.None, key.NotifyExpiryIfDue(ExpiresAt));
        Assert.Empty(key.DomainEvents);
    }

    [Fact]
    public void SetExpiry_WhenExtendedAfterWarning_StartsNoticesAfresh()
    {
        var key = ApiKeys.Create(expiresAt: ExpiresAt);
        key.NotifyExpiryIfDue(ExpiresAt.AddDays(-3));
        var extended = ExpiresAt.AddDays(90);

        key.SetExpiry(extended, ExpiresAt.AddDays(-2));

        Assert.Equal(ExpiryNotice.None, key.ExpiryNoticeSent);
        Assert.Equal(ExpiryNotice.ExpiresSoon, key.NotifyExpiryIfDue(extended.AddDays(-1)));
    }

    [Fact]
    public void SetExpiry_WhenAlreadyExpired_ThrowsConflict()
    {
        var key = ApiKeys.Create(expiresAt: ExpiresAt);

        var ex = Assert.Throws<ConflictException>(() => key.SetExpiry(ExpiresAt.AddDays(30), ExpiresAt.AddDays(1)));

        Assert.Equal("api_key.expired", ex.Code);
    }
}
