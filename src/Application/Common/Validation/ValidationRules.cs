using FluentValidation;
using RiskPlatform.Application.Common.Paging;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Application.Common.Validation;

/// <summary>Shape rules shared by many validators.</summary>
public static class ValidationRules
{
    public static IRuleBuilderOptions<T, int> ValidLimit<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, PageRequest.MaxLimit).WithMessage($"limit must be between 1 and {PageRequest.MaxLimit}.");

    public static IRuleBuilderOptions<T, int> ValidOffset<T>(this IRuleBuilder<T, int> rule) =>
        rule.GreaterThanOrEqualTo(0).WithMessage("offset must be zero or more.");

    /// <summary>An optional limit: absent passes (the query then decides what an unpaged answer holds).</summary>
    public static IRuleBuilderOptions<T, int?> ValidLimit<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, PageRequest.MaxLimit).WithMessage($"limit must be between 1 and {PageRequest.MaxLimit}.");

    public static IRuleBuilderOptions<T, int?> ValidOffset<T>(this IRuleBuilder<T, int?> rule) =>
        rule.GreaterThanOrEqualTo(0).WithMessage("offset must be zero or more.");

    /// <summary>
    /// An IANA time zone id (surrounding blanks ignored, as the aggregates trim) that this machine's time-zone database
    /// knows; Windows ids ("Eastern Standard Time"), which the runtime also resolves, are refused so what is stored is
    /// portable. A blank value passes: whether one is required is each validator's own rule.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> ValidTimeZone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(id => string.IsNullOrWhiteSpace(id) || (TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) && zone.HasIanaId))
            .WithMessage("'{PropertyValue}' is not a known IANA time zone.");

    public static IRuleBuilderOptions<T, string?> NoControlCharacters<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || !value.Any(char.IsControl))
            .WithMessage("{PropertyName} must not contain control characters.");

    /// <summary>Null passes; otherwise the value must be one of the enum's wire names (<see cref="WireEnum"/>).</summary>
    public static IRuleBuilderOptions<T, string?> ValidWireEnum<T, TEnum>(this IRuleBuilder<T, string?> rule)
        where TEnum : struct, Enum =>
        rule.Must(value => value is null || WireEnum.TryParse<TEnum>(value, out _))
            .WithMessage($"'{{PropertyValue}}' is not valid; expected one of: {string.Join(", ", WireEnum.Names<TEnum>())}.");
}
