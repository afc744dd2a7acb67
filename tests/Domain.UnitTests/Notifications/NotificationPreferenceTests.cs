using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Domain.UnitTests.Notifications;

public sealed class NotificationPreferenceTests
{
    private static readonly Guid UserId = Guid.CreateVersion7();

    private static NotificationPreference Create(NotificationPreferenceSettings settings) =>
        NotificationPreference.Create(UserId, NotificationType.RiskBreach, NotificationChannel.Email, settings);

    private static NotificationPreferenceSettings Quiet(int? start, int? end, string zone = "UTC") =>
        NotificationPreferenceSettings.Default with { QuietHoursEnabled = true, QuietStartHour = start, QuietEndHour = end, TimeZone = zone };

    [Fact]
    public void Create_WhenDefaultSettings_MatchesWireDefaults()
    {
        var preference = Create(NotificationPreferenceSettings.Default);

        Assert.Equal(UserId, preference.UserId);
        Assert.Equal(NotificationType.RiskBreach, preference.NotificationType);
        Assert.Equal(NotificationChannel.Email, preference.Channel);
        Assert.True(preference.IsEnabled);
        Assert.Equal(NotificationPriority.Low, preference.MinPriority);
        Assert.False(preference.QuietHoursEnabled);
        Assert.Equal("UTC", preference.TimeZone);
        Assert.Null(preference.GetQuietHours());
    }

    [Fact]
    public void Create_WhenQuietHoursComplete_ExposesWindow()
    {
        var preference = Create(Quiet(22, 7, "Europe/London"));

        var quiet = preference.GetQuietHours();

        Assert.NotNull(quiet);
        Assert.Equal(22, quiet.StartHour);
        Assert.Equal(7, quiet.EndHour);
        Assert.Equal("Europe/London", quiet.TimeZoneId);
    }

    [Fact]
    public void GetQuietHours_WhenHoursSetButDisabled_IsNull()
    {
        var preference = Create(Quiet(22, 7) with { QuietHoursEnabled = false });

        Assert.Equal(22, preference.QuietStartHour);
        Assert.Null(preference.GetQuietHours());
    }

    [Theory]
    [InlineData(null, 7)]
    [InlineData(22, null)]
    [InlineData(null, null)]
    public void Create_WhenQuietHoursEnabledWithoutBothHours_Throws(int? start, int? end)
    {
        var ex = Assert.Throws<DomainException>(() => Create(Quiet(start, end)));

        Assert.Equal(NotificationPreference.Errors.QuietHoursIncomplete, ex.Code);
    }

    [Theory]
    [InlineData(-1, 7, NotificationPreference.Errors.QuietStartHourOutOfRange)]
    [InlineData(24, 7, NotificationPreference.Errors.QuietStartHourOutOfRange)]
    [InlineData(22, -1, NotificationPreference.Errors.QuietEndHourOutOfRange)]
    [InlineData(22, 24, NotificationPreference.Errors.QuietEndHourOutOfRange)]
    public void Create_WhenHourOutOfRange_ThrowsWithFieldCode(int start, int end, string code)
    {
        Assert.Equal(code, Assert.Throws<DomainException>(() => Create(Quiet(start, end))).Code);
        // Out-of-range hours are refused even while quiet hours are off.
        Assert.Equal(code, Assert.Throws<DomainException>(() => Create(Quiet(start, end) with { QuietHoursEnabled = false })).Code);
    }

    [Theory]
    [InlineData(0, 23)]
    [InlineData(23, 0)]
    [InlineData(5, 5)]
    public void Create_WhenHoursAtBounds_Accepts(int start, int end)
    {
        var preference = Create(Quiet(start, end));

        Assert.Equal(start, preference.QuietStartHour);
        Assert.Equal(end, preference.QuietEndHour);
    }

    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Europe/London")]
    [InlineData("Asia/Tokyo")]
    [InlineData(" UTC ")]
    public void Create_WhenTimeZoneResolves_StoresTrimmedId(string zone)
    {
        var preference = Create(NotificationPreferenceSettings.Default with { TimeZone = zone });

        Assert.Equal(zone.Trim(), preference.TimeZone);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Create_WhenTimeZoneBlank_DefaultsToUtc(string zone)
    {
        var preference = Create(NotificationPreferenceSettings.Default with { TimeZone = zone });

        Assert.Equal("UTC", preference.TimeZone);
    }

    [Theory]
    [InlineData("Europe/Atlantis")]
    [InlineData("GMT+25")]
    [InlineData("Eastern Standard Time")]
    [InlineData("GMT Standard Time")]
    public void Create_WhenTimeZoneUnknownOrNotIana_Throws(string zone)
    {
        var ex = Assert.Throws<DomainException>(() => Create(NotificationPreferenceSettings.Default with { TimeZone = zone }));

        Assert.Equal(NotificationPreference.Errors.TimeZoneUnknown, ex.Code);
    }

    [Fact]
    public void Create_WhenTypeOrChannelUndefined_Throws()
    {
        var badType = Assert.Throws<DomainException>(() =>
            NotificationPreference.Create(UserId, (NotificationType)99, NotificationChannel.Email, NotificationPreferenceSettings.Default));
        var badChannel = Assert.Throws<DomainException>(() =>
            NotificationPreference.Create(UserId, NotificationType.RiskBreach, (NotificationChannel)99, NotificationPreferenceSettings.Default));

        Assert.Equal(NotificationPreference.Errors.NotificationTypeInvalid, badType.Code);
        Assert.Equal(NotificationPreference.Errors.ChannelInvalid, badChannel.Code);
    }

    [Fact]
    public void Create_WhenMinPriorityUndefined_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => Create(NotificationPreferenceSettings.Default with { MinPriority = (NotificationPriority)7 }));

        Assert.Equal(NotificationPreference.Errors.MinPriorityInvalid, ex.Code);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("a@b@c")]
    [InlineData("@example.com")]
    [InlineData("someone@")]
    [InlineData("some one@example.com")]
    [InlineData("a@example.com\r\nBcc: x@evil.test")]
    public void Create_WhenEmailInvalid_Throws(string email)
    {
        var ex = Assert.Throws<DomainException>(() => Create(NotificationPreferenceSettings.Default with { Email = email }));

        Assert.Equal(NotificationPreference.Errors.EmailInvalid, ex.Code);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("+1 555 CALL NOW")]
    [InlineData("1234567890123456")]
    [InlineData("44+20 7946")]
    [InlineData("020 7946 0958")]
    [InlineData("+0 20 7946 0958")]
    public void Create_WhenPhoneInvalid_Throws(string phone)
    {
        var ex = Assert.Throws<DomainException>(() => Create(NotificationPreferenceSettings.Default with { Phone = phone }));

        Assert.Equal(NotificationPreference.Errors.PhoneInvalid, ex.Code);
    }

    [Theory]
    [InlineData("ftp://example.com/hook")]
    [InlineData("/relative/hook")]
    [InlineData("not a url")]
    public void Create_WhenWebhookUrlInvalid_Throws(string url)
    {
        var ex = Assert.Throws<DomainException>(() => Create(NotificationPreferenceSettings.Default with { WebhookUrl = url }));

        Assert.Equal(NotificationPreference.Errors.WebhookUrlInvalid, ex.Code);
    }

    [Fact]
    public void Create_WhenContactsValid_StoresTrimmedAndBlankAsNull()
    {
        var preference = Create(NotificationPreferenceSettings.Default with
        {
            Email = " alerts@example.com ",
            Phone = "+44 20 7946 0958",
            WebhookUrl = "https://hooks.example.com/x",
        });
        var blank = Create(NotificationPreferenceSettings.Default with { Email = " ", Phone = "", WebhookUrl = "  " });

        Assert.Equal("alerts@example.com", preference.Email);
        Assert.Equal("+44 20 7946 0958", preference.Phone);
        Assert.Equal("https://hooks.example.com/x", preference.WebhookUrl);
        Assert.Null(blank.Email);
        Assert.Null(blank.Phone);
        Assert.Null(blank.WebhookUrl);
    }

    [Fact]
    public void Update_WhenValid_ReplacesSettingsButNotIdentity()
    {
        var preference = Create(NotificationPreferenceSettings.Default);

        preference.Update(Quiet(9, 17, "America/New_York") with { IsEnabled = false, MinPriority = NotificationPriority.High });

        Assert.Equal(NotificationType.RiskBreach, preference.NotificationType);
        Assert.Equal(NotificationChannel.Email, preference.Channel);
        Assert.False(preference.IsEnabled);
        Assert.Equal(NotificationPriority.High, preference.MinPriority);
        Assert.Equal("America/New_York", preference.TimeZone);
        Assert.Equal(9, preference.GetQuietHours()?.StartHour);
    }

    [Fact]
    public void Update_WhenInvalid_LeavesRowUnchanged()
    {
        var preference = Create(Quiet(22, 7, "Europe/London"));

        Assert.Throws<DomainException>(() => preference.Update(Quiet(23, 6, "Nowhere/Land") with { IsEnabled = false }));

        Assert.True(preference.IsEnabled);
        Assert.Equal(22, preference.QuietStartHour);
        Assert.Equal("Europe/London", preference.TimeZone);
    }

    [Theory]
    [InlineData(NotificationType.RiskBreach, NotificationChannel.Email, true, NotificationPriority.High)]
    [InlineData(NotificationType.DailySummary, NotificationChannel.Email, true, NotificationPriority.Low)]
    [InlineData(NotificationType.OrderFilled, NotificationChannel.Sms, false, NotificationPriority.High)]
    [InlineData(NotificationType.OrderFilled, NotificationChannel.InApp, true, NotificationPriority.Low)]
    public void CreateDefault_WhenCalled_UsesDefaultsTable(NotificationType type, NotificationChannel channel, bool enabled, NotificationPriority minPriority)
    {
        var preference = NotificationPreference.CreateDefault(UserId, type, channel);

        Assert.Equal(type, preference.NotificationType);
        Assert.Equal(channel, preference.Channel);
        Assert.Equal(enabled, preference.IsEnabled);
        Assert.Equal(minPriority, preference.MinPriority);
        Assert.False(preference.QuietHoursEnabled);
        Assert.Equal("UTC", preference.TimeZone);
    }

    [Theory]
    [InlineData(NotificationChannel.Email, 60, 60)]
    [InlineData(NotificationChannel.Sms, 1, 1)]
    [InlineData(NotificationChannel.Email, 0, null)]
    [InlineData(NotificationChannel.Push, 0, null)]
    public void Create_WithADigestInterval_KeepsItForEmailAndSms_ZeroIsOff(NotificationChannel channel, int minutes, int? expected)
    {
        var preference = NotificationPreference.Create(UserId, NotificationType.OrderFilled, channel, NotificationPreferenceSettings.Default with { DigestIntervalMinutes = minutes });

        Assert.Equal(expected, preference.DigestIntervalMinutes);
    }

    [Theory]
    [InlineData(NotificationChannel.Email, 1441, NotificationPreference.Errors.DigestIntervalOutOfRange)]
    [InlineData(NotificationChannel.Email, -5, NotificationPreference.Errors.DigestIntervalOutOfRange)]
    [InlineData(NotificationChannel.Webhook, 10, NotificationPreference.Errors.DigestNotSupported)]
    [InlineData(NotificationChannel.InApp, 10, NotificationPreference.Errors.DigestNotSupported)]
    public void Create_WithADigestIntervalOutOfRangeOrOnAnotherChannel_Refuses(NotificationChannel channel, int minutes, string code)
    {
        var refused = Assert.Throws<DomainException>(() =>
            NotificationPreference.Create(UserId, NotificationType.OrderFilled, channel, NotificationPreferenceSettings.Default with { DigestIntervalMinutes = minutes }));

        Assert.Equal(code, refused.Code);
    }
}
