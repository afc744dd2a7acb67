using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.ApiKeys.Events;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.UnitTests.ApiKeys;

public sealed class ApiKeyUsageTests
{
    private static readonly DateTime Now = ApiKeys.Now;

    [Theory]
    [InlineData(0, true)]
    [InlineData(59, false)]
    [InlineData(60, true)]
    [InlineData(3600, true)]
    public void RecordUse_WhenCalledAgainAfterSeconds_MovesLastUsedAtOnlyAfterAMinute(int seconds, bool moves)
    {
        var key = ApiKeys.Create();
        key.RecordUse(Now);
        var later = Now.AddSeconds(seconds);

        key.RecordUse(later);

        Assert.Equal(moves ? later : Now, key.LastUsedAt);
        Assert.Equal(2, key.UsageCount);
    }

    [Fact]
    public void RecordUse_WhenCalledEverySecondForTwoMinutes_WritesLastUsedAtThreeTimes()
    {
        var key = ApiKeys.Create();
        var writes = new List<DateTime>();

        for (var second = 0; second <= 120; second++)
        {
            var before = key.LastUsedAt;
            key.RecordUse(Now.AddSeconds(second));
            if (key.LastUsedAt != before)
            {
                writes.Add(key.LastUsedAt!.Value);
            }
        }

        Assert.Equal([Now, Now.AddSeconds(60), Now.AddSeconds(120)], writes);
        Assert.Equal(121, key.UsageCount);
    }

    [Fact]
    public void RecordUse_WhenInactive_ThrowsConflict()
    {
        var key = ApiKeys.Create();
        key.UpdateMetadata(null, null, null, null, null, ApiKeyStatus.Inactive, Now);

        var ex = Assert.Throws<ConflictException>(() => key.RecordUse(Now));

        Assert.Equal("api_key.inactive", ex.Code);
    }

    [Fact]
    public void RecordUse_WhenPastExpiryButNotSwept_ThrowsConflict()
    {
        var key = ApiKeys.Create(expiresAt: Now.AddHours(1));

        var ex = Assert.Throws<ConflictException>(() => key.RecordUse(Now.AddHours(1)));

        Assert.Equal("api_key.expired", ex.Code);
        Assert.Equal(0, key.UsageCount);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(59, false)]
    [InlineData(60, true)]
    public void RecordVerification_WhenOk_SetsLastUsedAtAtMostOnceAMinute(int seconds, bool moves)
    {
        var key = ApiKeys.Create();

        key.RecordVerification(VerificationOutcome.Ok, integrityOk: true, null, Now);
        Assert.Equal(Now, key.LastUsedAt);

        var later = Now.AddSeconds(seconds);
        key.RecordVerification(VerificationOutcome.Ok, integrityOk: true, null, later);

        Assert.Equal(moves ? later : Now, key.LastUsedAt);
        Assert.Equal(2, key.UsageCount);
    }

    [Theory]
    [InlineData(VerificationOutcome.Rejected)]
    [InlineData(VerificationOutcome.Unreachable)]
    [InlineData(VerificationOutcome.Unsupported)]
    public void RecordVerification_WhenNotOk_LeavesLastUsedAtAlone(VerificationOutcome outcome)
    {
        var key = ApiKeys.Create();

        key.RecordVerification(outcome, integrityOk: true, "nope", Now);

        Assert.Null(key.LastUsedAt);
    }

    [Fact]
    public void RecordVerification_WhenOk_SetsVerifiedAtCountsUseAndClearsError()
    {
        var key = ApiKeys.Create();
        key.RecordError("timeout", brokerRejected: false, Now);

        key.RecordVerification(VerificationOutcome.Ok, integrityOk: true, null, Now.AddMinutes(1));

        Assert.Equal(Now.AddMinutes(1), key.LastVerifiedAt);
        Assert.Equal(1, key.UsageCount);
        Assert.Equal(1, key.ErrorCount);
        Assert.Null(key.LastError);
    }

    [Fact]
    public void RecordVerification_WhenUnreachable_CountsErrorButNotRejection()
    {
        var key = ApiKeys.Create();

        key.RecordVerification(VerificationOutcome.Unreachable, integrityOk: true, "connection timed out", Now);

        Assert.Equal(1, key.ErrorCount);
        Assert.Equal(0, key.ConsecutiveRejections);
        Assert.Equal("connection timed out", key.LastError);
        Assert.Equal(Now, key.LastVerifiedAt);
    }

    [Fact]
    public void RecordVerification_WhenUnsupported_OnlySetsVerifiedAt()
    {
        var key = ApiKeys.Create();

        key.RecordVerification(VerificationOutcome.Unsupported, integrityOk: true, null, Now);

        Assert.Equal(Now, key.LastVerifiedAt);
        Assert.Equal(0, key.ErrorCount);
        Assert.Equal(0, key.UsageCount);
        Assert.Equal(ApiKeyStatus.Active, key.Status);
    }

    [Theory]
    [InlineData(4, ApiKeyStatus.Active)]
    [InlineData(5, ApiKeyStatus.Inactive)]
    public void RecordVerification_WhenRejectedRepeatedly_DeactivatesAtFifth(int rejections, ApiKeyStatus expected)
    {
        var key = ApiKeys.Create(isDefault: true);

        for (var i = 0; i < rejections; i++)
        {
            key.RecordVerification(VerificationOutcome.Rejected, integrityOk: true, "401 Unauthorized", Now.AddMinutes(i));
        }

        Assert.Equal(expected, key.Status);
        Assert.Equal(rejections, key.ErrorCount);
        Assert.Equal(rejections, key.ConsecutiveRejections);
        var failed = key.DomainEvents.OfType<ApiKeyFailed>().ToList();
        if (expected == ApiKeyStatus.Inactive)
        {
            var single = Assert.Single(failed);
            Assert.Equal(5, single.ConsecutiveRejections);
            Assert.Equal(key.Id, single.ApiKeyId);
            Assert.Contains("5 consecutive broker rejections", key.LastError, StringComparison.Ordinal);
            Assert.Contains("401 Unauthorized", key.LastError, StringComparison.Ordinal);
            Assert.False(key.IsDefault);
        }
        else
        {
            Assert.Empty(failed);
            Assert.Equal("401 Unauthorized", key.LastError);
        }
    }

    [Fact]
    public void RecordVerification_WhenSuccessBetweenRejections_ResetsTheStreak()
    {
        var key = ApiKeys.Create();
        for (var i = 0; i < 4; i++)
        {
            key.RecordVerification(VerificationOutcome.Rejected, true, "401", Now);
        }

        key.RecordUse(Now);
        for (var i = 0; i < 4; i++)
        {
            key.RecordVerification(VerificationOutcome.Rejected, true, "401", Now);
        }

        Assert.Equal(ApiKeyStatus.Active, key.Status);
        Assert.Equal(4, key.ConsecutiveRejections);
        Assert.Equal(8, key.ErrorCount);
    }

    [Fact]
    public void RecordVerification_WhenUnreachableBetweenRejections_KeepsTheStreak()
    {
        var key = ApiKeys.Create();
        for (var i = 0; i < 4; i++)
        {
            key.RecordVerification(VerificationOutcome.Rejected, true, "401", Now);
        }

        key.RecordVerification(VerificationOutcome.Unreachable, true, "timeout", Now);
        key.RecordVerification(VerificationOutcome.Rejected, true, "401", Now);

        Assert.Equal(ApiKeyStatus.Inactive, key.Status);
    }

    [Fact]
    public void RecordError_WhenBrokerRejectedFiveTimes_Deactivates()
    {
        var key = ApiKeys.Create();

        for (var i = 0; i < 5; i++)
        {
            key.RecordError("403 Forbidden", brokerRejected: true, Now);
        }

        Assert.Equal(ApiKeyStatus.Inactive, key.Status);
        Assert.Single(key.DomainEvents.OfType<ApiKeyFailed>());
    }

    [Fact]
    public void RecordVerification_WhenIntegrityFails_DeactivatesAndRaisesFailed()
    {
        var key = ApiKeys.Create();

        key.RecordVerification(VerificationOutcome.Unsupported, integrityOk: false, null, Now);

        Assert.Equal(ApiKeyStatus.Inactive, key.Status);
        Assert.Equal(1, key.ErrorCount);
        Assert.Contains("integrity", key.LastError, StringComparison.Ordinal);
        Assert.Single(key.DomainEvents.OfType<ApiKeyFailed>());
    }

    [Fact]
    public void RecordVerification_WhenInactive_IsAllowed()
    {
        var key = ApiKeys.Create();
        key.UpdateMetadata(null, null, null, null, null, ApiKeyStatus.Inactive, Now);

        key.RecordVerification(VerificationOutcome.Ok, true, null, Now);

        Assert.Equal(Now, key.LastVerifiedAt);
        Assert.Equal(ApiKeyStatus.Inactive, key.Status);
    }

    [Fact]
    public void RecordVerification_WhenExpired_ThrowsConflict()
    {
        var key = ApiKeys.Create(expiresAt: Now.AddDays(1));

        var ex = Assert.Throws<ConflictException>(
            () => key.RecordVerification(VerificationOutcome.Ok, true, null, Now.AddDays(1)));

        Assert.Equal("api_key.expired", ex.Code);
    }

    [Fact]
    public void RecordError_WhenMessageLongAndEchoesToken_IsTruncatedAndRedacted()
    {
        var key = ApiKeys.Create();
        var message = "invalid key PKA1B2C3D4E5F6G7H8I9J0 " + new string('x', 2000);

        key.RecordError(message, brokerRejected: false, Now);

        Assert.NotNull(key.LastError);
        Assert.True(key.LastError.Length <= LastErrorText.MaxLength);
        Assert.DoesNotContain("PKA1B2C3D4E5F6G7H8I9J0", key.LastError, StringComparison.Ordinal);
        Assert.StartsWith("invalid key [redacted]", key.LastError, StringComparison.Ordinal);
    }
}
