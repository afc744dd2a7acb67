using FluentValidation;
using RiskPlatform.Application.Common.Validation;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Common;

/// <summary>Shape rules of preference fields (the aggregate enforces the same invariants; these make them 400s naming the field).</summary>
internal static class PreferenceValidationRules
{
    public static IRuleBuilderOptions<T, int?> QuietHour<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(0, 23).WithMessage("{PropertyName} must be between 0 and 23.");

    public static IRuleBuilderOptions<T, string?> PreferenceTimeZone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(NotificationPreference.TimeZoneMaxLength).ValidTimeZone();

    /// <summary>Empty clears the override (on update); otherwise one address.</summary>
    public static IRuleBuilderOptions<T, string?> PreferenceEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(NotificationPreference.EmailMaxLength)
            .Must(email => string.IsNullOrWhiteSpace(email) || IsSingleAddress(email.Trim()))
            .WithMessage("{PropertyName} must be a single email address.");

    public static IRuleBuilderOptions<T, string?> PreferencePhone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(NotificationPreference.PhoneMaxLength)
            .Must(phone => string.IsNullOrWhiteSpace(phone) || PhoneNumber.TryNormalize(phone) is not null)
            .WithMessage("{PropertyName} must be an international (E.164) number such as +44 20 7946 0958.");

    public static IRuleBuilderOptions<T, string?> PreferenceWebhookUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(NotificationPreference.WebhookUrlMaxLength)
            .Must(url => string.IsNullOrWhiteSpace(url)
                || (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            .WithMessage("{PropertyName} must be an absolute http(s) URL.")
            .NoControlCharacters();

    /// <summary>0 (or absent) sends each notification on its own; otherwise minutes per digest message.</summary>
    public static IRuleBuilderOptions<T, int?> DigestInterval<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(0, NotificationPreference.DigestIntervalMaxMinutes)
            .WithMessage($"{{PropertyName}} must be between 0 (off) and {NotificationPreference.DigestIntervalMaxMinutes} minutes.");

    private static bool IsSingleAddress(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1 && !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
    }
}
