using FluentValidation;
using RiskPlatform.Application.Common.Validation;
using RiskPlatform.Domain.Notifications.Push;

namespace RiskPlatform.Application.Notifications.Commands.SubscribePush;

internal sealed class SubscribePushCommandValidator : AbstractValidator<SubscribePushCommand>
{
    public SubscribePushCommandValidator()
    {
        RuleFor(c => c.Endpoint)
            .NotEmpty()
            .MaximumLength(PushSubscription.EndpointMaxLength)
            .Must(url => Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                && string.IsNullOrEmpty(uri.UserInfo))
            .WithMessage("{PropertyName} must be the absolute https URL of the browser's push service.")
            .NoControlCharacters();
        RuleFor(c => c.Keys).NotNull();
        When(c => c.Keys is not null, () =>
        {
            RuleFor(c => c.Keys!.P256dh)
                .NotEmpty()
                .Must(key => PushSubscription.FromBase64Url(key) is { Length: 65 } bytes && bytes[0] == 0x04)
                .WithMessage("{PropertyName} must be the browser's P-256 public key (65 bytes, base64url).");
            RuleFor(c => c.Keys!.Auth)
                .NotEmpty()
                .Must(key => PushSubscription.FromBase64Url(key) is { Length: 16 })
                .WithMessage("{PropertyName} must be the browser's 16-byte authentication secret (base64url).");
        });
    }
}
