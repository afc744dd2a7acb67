using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Notifications;

/// <summary>
/// One user's choice for one <see cref="NotificationType"/> on one <see cref="NotificationChannel"/> (unique per
/// user × type × channel: the uniqueness check is the index). A missing row means <see cref="NotificationDefaults"/>.
/// </summary>
public sealed class NotificationPreference : AggregateRoot, IAuditedEntity, IConcurrencyAware
{
    public const string DefaultTimeZone = "UTC";
    public const int EmailMaxLength = 320;
    public const int PhoneMaxLength = 32;
    public const int WebhookUrlMaxLength = 2048;
    public const int TimeZoneMaxLength = 64;
    public const int DigestIntervalMaxMinutes = 1440;

    private NotificationPreference()
    {
    }

    public Guid UserId { get; private set; }

    public NotificationType NotificationType { get; private set; }

    public NotificationChannel Channel { get; private set; }

    public bool IsEnabled { get; private set; }

    public NotificationPriority MinPriority { get; private set; }

    public bool QuietHoursEnabled { get; private set; }

    public int? QuietStartHour { get; private set; }

    public int? QuietEndHour { get; private set; }

    /// <summary>IANA id (e.g. "Europe/London"); any id <see cref="TimeZoneInfo.FindSystemTimeZoneById"/> resolves is accepted.</summary>
    public string TimeZone { get; private set; } = DefaultTimeZone;

    /// <summary>Overrides the account address for email on this type.</summary>
    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public string? WebhookUrl { get; private set; }

    /// <summary>
    /// Email and sms only: non-urgent notifications of this type wait and go out together, one message per this many
    /// minutes (<c>digest</c> rows); null sends each on its own.
    /// </summary>
    public int? DigestIntervalMinutes { get; private set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; }

    /// <summary>The quiet window when quiet hours are enabled, otherwise <see langword="null"/>.</summary>
    public QuietHours? GetQuietHours() =>
        QuietHoursEnabled && QuietStartHour is { } start && QuietEndHour is { } end
            ? QuietHours.Create(start, end, TimeZone)
            : null;

    public static NotificationPreference Create(Guid userId, NotificationType notificationType, NotificationChannel channel, NotificationPreferenceSettings settings)
    {
        if (!Enum.IsDefined(notificationType))
        {
            throw new DomainException(Errors.NotificationTypeInvalid, "notification_type is not a known notification type.");
        }

        if (!Enum.IsDefined(channel))
        {
            throw new DomainException(Errors.ChannelInvalid, "channel must be in_app, email, websocket, sms, push or webhook.");
        }

        var preference = new NotificationPreference
        {
            UserId = userId,
            NotificationType = notificationType,
            Channel = channel,
        };
        preference.Apply(settings);
        return preference;
    }

    /// <summary>A row holding the default for the type × channel (<see cref="NotificationDefaults.For"/>); used by set-defaults.</summary>
    public static NotificationPreference CreateDefault(Guid userId, NotificationType notificationType, NotificationChannel channel)
    {
        var defaults = NotificationDefaults.For(notificationType, channel);
        return Create(userId, notificationType, channel, NotificationPreferenceSettings.Default with
        {
            IsEnabled = defaults.IsEnabled,
            MinPriority = defaults.MinPriority,
        });
    }

    /// <summary>Replaces every setting (type and channel are the row's identity and do not change). A partial update merges first.</summary>
    public void Update(NotificationPreferenceSettings settings) => Apply(settings);

    internal static void EnsureHour(int hour, string code, string field)
    {
        if (hour is < 0 or > 23)
        {
            throw new DomainException(code, $"{field} must be between 0 and 23.");
        }
    }

    internal static TimeZoneInfo ResolveTimeZone(string? timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId) || timeZoneId.Trim().Length > TimeZoneMaxLength)
        {
            throw new DomainException(Errors.TimeZoneUnknown, "time_zone must be an IANA time zone id such as \"Europe/London\".");
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZoneId.Trim());
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new DomainException(Errors.TimeZoneUnknown, $"time_zone \"{timeZoneId}\" is not a known time zone.");
        }
    }

    /// <summary>
    /// A time zone a preference may be saved with: a known IANA id. Windows ids ("Eastern Standard Time") resolve on every
    /// platform through ICU but are refused, so the stored value is the one the wire contract promises. Reading stays lenient
    /// (<see cref="ResolveTimeZone"/>): a row saved before this rule still resolves.
    /// </summary>
    internal static TimeZoneInfo ResolveIanaTimeZone(string? timeZoneId)
    {
        var timeZone = ResolveTimeZone(timeZoneId);
        return timeZone.HasIanaId
            ? timeZone
            : throw new DomainException(
                Errors.TimeZoneUnknown, $"time_zone \"{timeZoneId}\" is not an IANA time zone id; use one such as \"America/New_York\".");
    }

    private void Apply(NotificationPreferenceSettings settings)
    {
        if (!Enum.IsDefined(settings.MinPriority))
        {
            throw new DomainException(Errors.MinPriorityInvalid, "min_priority must be low, medium, high or urgent.");
        }

        if (settings.QuietStartHour is { } start)
        {
            EnsureHour(start, Errors.QuietStartHourOutOfRange, "quiet_start_hour");
        }

        if (settings.QuietEndHour is { } end)
        {
            EnsureHour(end, Errors.QuietEndHourOutOfRange, "quiet_end_hour");
        }

        if (settings.QuietHoursEnabled && (settings.QuietStartHour is null || settings.QuietEndHour is null))
        {
            throw new DomainException(Errors.QuietHoursIncomplete, "quiet_start_hour and quiet_end_hour are required when quiet_hours_enabled is true.");
        }

        var digest = settings.DigestIntervalMinutes is null or 0 ? (int?)null : settings.DigestIntervalMinutes;
        if (digest is { } minutes)
        {
            if (minutes is < 1 or > DigestIntervalMaxMinutes)
            {
                throw new DomainException(Errors.DigestIntervalOutOfRange, $"digest_interval_minutes must be between 1 and {DigestIntervalMaxMinutes} (0 turns the digest off).");
            }

            if (Channel is not (NotificationChannel.Email or NotificationChannel.Sms))
            {
                throw new DomainException(Errors.DigestNotSupported, "digest_interval_minutes applies to the email and sms channels only.");
            }
        }

        var timeZone = string.IsNullOrWhiteSpace(settings.TimeZone) ? DefaultTimeZone : settings.TimeZone.Trim();
        ResolveIanaTimeZone(timeZone);

        IsEnabled = settings.IsEnabled;
        MinPriority = settings.MinPriority;
        QuietHoursEnabled = settings.QuietHoursEnabled;
        QuietStartHour = settings.QuietStartHour;
        QuietEndHour = settings.QuietEndHour;
        TimeZone = timeZone;
        Email = NormalizeEmail(settings.Email);
        Phone = NormalizePhone(settings.Phone);
        WebhookUrl = NormalizeWebhookUrl(settings.WebhookUrl);
        DigestIntervalMinutes = digest;
    }

    private static string? NormalizeEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var trimmed = email.Trim();
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        if (trimmed.Length > EmailMaxLength || at <= 0 || at != trimmed.LastIndexOf('@') || at == trimmed.Length - 1
            || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new DomainException(Errors.EmailInvalid, "email must be a single email address.");
        }

        return trimmed;
    }

    private static string? NormalizePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        // Kept as typed (separators and all); the sms channel sends to its E.164 form.
        var trimmed = phone.Trim();
        if (trimmed.Length > PhoneMaxLength || PhoneNumber.TryNormalize(trimmed) is null)
        {
            throw new DomainException(Errors.PhoneInvalid, "phone must be an international (E.164) number such as +44 20 7946 0958.");
        }

        return trimmed;
    }

    private static string? NormalizeWebhookUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var trimmed = url.Trim();
        if (trimmed.Length > WebhookUrlMaxLength
            || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new DomainException(Errors.WebhookUrlInvalid, "webhook_url must be an absolute http(s) URL.");
        }

        return trimmed;
    }

    /// <summary>Stable <see cref="DomainException.Code"/> values; each names the offending field.</summary>
    public static class Errors
    {
        public const string NotificationTypeInvalid = "notification_preference.notification_type_invalid";
        public const string ChannelInvalid = "notification_preference.channel_invalid";
        public const string MinPriorityInvalid = "notification_preference.min_priority_invalid";
        public const string QuietStartHourOutOfRange = "notification_preference.quiet_start_hour_out_of_range";
        public const string QuietEndHourOutOfRange = "notification_preference.quiet_end_hour_out_of_range";
        public const string QuietHoursIncomplete = "notification_preference.quiet_hours_incomplete";
        public const string TimeZoneUnknown = "notification_preference.time_zone_unknown";
        public const string EmailInvalid = "notification_preference.email_invalid";
        public const string PhoneInvalid = "notification_preference.phone_invalid";
        public const string WebhookUrlInvalid = "notification_preference.webhook_url_invalid";
        public const string DigestIntervalOutOfRange = "notification_preference.digest_interval_out_of_range";
        public const string DigestNotSupported = "notification_preference.digest_not_supported";
    }
}
