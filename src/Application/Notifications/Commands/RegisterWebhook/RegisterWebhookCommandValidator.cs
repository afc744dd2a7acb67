using FluentValidation;
using RiskPlatform.Domain.Notifications.Webhooks;

namespace RiskPlatform.Application.Notifications.Commands.RegisterWebhook;

internal sealed class RegisterWebhookCommandValidator : AbstractValidator<RegisterWebhookCommand>
{
    public RegisterWebhookCommandValidator()
    {
        RuleFor(c => c.Url)
            .NotEmpty()
            .MaximumLength(WebhookEndpoint.UrlMaxLength)
            .Must(url => Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                && string.IsNullOrEmpty(uri.UserInfo))
            .WithMessage("{PropertyName} must be an absolute https URL without credentials.");
        RuleForEach(c => c.NotificationTypes).IsInEnum();
    }
}
