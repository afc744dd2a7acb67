using FluentValidation;
using RiskPlatform.Domain.Notifications.Push;

namespace RiskPlatform.Application.Notifications.Commands.UnsubscribePush;

internal sealed class UnsubscribePushCommandValidator : AbstractValidator<UnsubscribePushCommand>
{
    public UnsubscribePushCommandValidator()
    {
        When(c => c.Id is null, () => RuleFor(c => c.Endpoint)
            .NotEmpty()
            .MaximumLength(PushSubscription.EndpointMaxLength)
            .Must(url => Uri.TryCreate(url?.Trim(), UriKind.Absolute, out _))
            .WithMessage("{PropertyName} must be the absolute URL the browser subscribed with."));
        When(c => c.Id is not null, () => RuleFor(c => c.Id).NotEqual(Guid.Empty));
    }
}
