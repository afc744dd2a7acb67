using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Contacts;

namespace RiskPlatform.Domain.UnitTests.Notifications;

public sealed class ContactPointTests
{
    private static readonly DateTime Now = new(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(NotificationChannel.Email, "  Trader@Example.COM ", "trader@example.com")]
    [InlineData(NotificationChannel.Sms, "+44 20 7946 0958", "+442079460958")]
    [InlineData(NotificationChannel.Sms, "020 7946 0958", null)]
    [InlineData(NotificationChannel.Email, "a@b@c", null)]
    [InlineData(NotificationChannel.Email, "no-at-sign", null)]
    [InlineData(NotificationChannel.Webhook, "https://example.com", null)]
    [InlineData(NotificationChannel.Email, "", null)]
    public void Normalize_LowerCasesEmailAndFormatsPhonesAsE164(NotificationChannel channel, string address, string? expected)
    {
        Assert.Equal(expected, ContactPoint.Normalize(channel, address));
    }

    [Fact]
    public void Confirm_WithTheCodeSent_Verifies_AndTheCodeWorksOnce()
    {
        var contact = ContactPoint.Create(Guid.CreateVersion7(), NotificationChannel.Email, "trader@example.com", Now);
        contact.IssueCode("123456", Now);

        Assert.Equal(ContactConfirmOutcome.Verified, contact.Confirm(" 123456 ", Now.AddMinutes(1)));
        Assert.Equal(Now.AddMinutes(1), contact.VerifiedAt);
        Assert.Null(contact.CodeHash);
        Assert.Equal(ContactConfirmOutcome.AlreadyVerified, contact.Confirm("123456", Now.AddMinutes(2)));
    }

    [Fact]
    public void CodeHash_IsNeitherTheCodeNorTheSameForAnotherRow()
    {
        var a = ContactPoint.Create(Guid.CreateVersion7(), NotificationChannel.Email, "a@example.com", Now);
        var b = ContactPoint.Create(Guid.CreateVersion7(), NotificationChannel.Email, "a@example.com", Now);
        a.IssueCode("123456", Now);
        b.IssueCode("123456", Now);

        Assert.DoesNotContain("123456", a.CodeHash!, StringComparison.Ordinal);
        Assert.NotEqual(a.CodeHash, b.CodeHash);
    }

    [Fact]
    public void Confirm_WrongCodes_CountDown_ThenTheCodeIsBurnedEvenForTheRightOne()
    {
        var contact = ContactPoint.Create(Guid.CreateVersion7(), NotificationChannel.Sms, "+12125550100", Now);
        contact.IssueCode("123456", Now);

        for (var left = ContactPoint.MaxAttemptsPerCode - 1; left > 0; left--)
        {
            Assert.Equal(ContactConfirmOutcome.Wrong, contact.Confirm("000000", Now));
            Assert.Equal(left, contact.AttemptsLeft);
        }

        Assert.Equal(ContactConfirmOutcome.TooManyAttempts, contact.Confirm("000000", Now));
        Assert.Equal(ContactConfirmOutcome.NoCode, contact.Confirm("123456", Now));
        Assert.False(contact.IsVerified);
    }

    [Fact]
    public void Confirm_AfterTheCodeExpired_RefusesAndClearsIt()
    {
        var contact = ContactPoint.Create(Guid.CreateVersion7(), NotificationChannel.Email, "trader@example.com", Now);
        contact.IssueCode("123456", Now);

        Assert.Equal(ContactConfirmOutcome.Expired, contact.Confirm("123456", Now + ContactPoint.CodeLifetime));
        Assert.Equal(ContactConfirmOutcome.NoCode, contact.Confirm("123456", Now + ContactPoint.CodeLifetime));
    }

    [Fact]
    public void IssueCode_ANewCodeReplacesTheOldOne_AndResetsTheAttempts()
    {
        var contact = ContactPoint.Create(Guid.CreateVersion7(), NotificationChannel.Email, "trader@example.com", Now);
        contact.IssueCode("111111", Now);
        Assert.Equal(ContactConfirmOutcome.Wrong, contact.Confirm("999999", Now));

        contact.IssueCode("222222", Now + ContactPoint.ResendInterval);

        Assert.Equal(ContactPoint.MaxAttemptsPerCode, contact.AttemptsLeft);
        Assert.Equal(ContactConfirmOutcome.Wrong, contact.Confirm("111111", Now + ContactPoint.ResendInterval));
        Assert.Equal(ContactConfirmOutcome.Verified, contact.Confirm("222222", Now + ContactPoint.ResendInterval));
    }

    [Fact]
    public void IssueCode_IsSpacedByTheResendInterval_AndLimitedPerDay()
    {
        var contact = ContactPoint.Create(Guid.CreateVersion7(), NotificationChannel.Email, "trader@example.com", Now);
        contact.IssueCode("123456", Now);

        Assert.Equal(ContactPoint.ResendInterval - TimeSpan.FromSeconds(10), contact.SendBlockedFor(Now.AddSeconds(10)));
        Assert.Equal(ContactPoint.Errors.TooManyCodes, Assert.Throws<DomainException>(() => contact.IssueCode("123456", Now.AddSeconds(10))).Code);

        var at = Now;
        for (var i = 1; i < ContactPoint.MaxSendsPerDay; i++)
        {
            at += ContactPoint.ResendInterval;
            contact.IssueCode("123456", at);
        }

        at += ContactPoint.ResendInterval;
        Assert.Equal(ContactPoint.SendWindow - (at - Now), contact.SendBlockedFor(at));
        Assert.Null(contact.SendBlockedFor(Now + ContactPoint.SendWindow));
        contact.IssueCode("654321", Now + ContactPoint.SendWindow);
        Assert.Equal(1, contact.SendsInWindow);
    }

    [Fact]
    public void IssueCode_OnAVerifiedAddress_Conflicts()
    {
        var contact = ContactPoint.Create(Guid.CreateVersion7(), NotificationChannel.Email, "trader@example.com", Now);
        contact.IssueCode("123456", Now);
        contact.Confirm("123456", Now);

        Assert.Throws<ConflictException>(() => contact.IssueCode("123456", Now.AddHours(1)));
    }

    [Fact]
    public void Create_WithAnAddressTheChannelCannotUse_Refuses()
    {
        Assert.Equal(ContactPoint.Errors.AddressInvalid, Assert.Throws<DomainException>(() => ContactPoint.Create(Guid.CreateVersion7(), NotificationChannel.Sms, "12345", Now)).Code);
    }
}
