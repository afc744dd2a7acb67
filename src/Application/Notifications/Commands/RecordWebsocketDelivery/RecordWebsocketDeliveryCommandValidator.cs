using FluentValidation;

namespace RiskPlatform.Application.Notifications.Commands.RecordWebsocketDelivery;

internal sealed class RecordWebsocketDeliveryCommandValidator : AbstractValidator<RecordWebsocketDeliveryCommand>
{
    public RecordWebsocketDeliveryCommandValidator()
    {
        RuleFor(c => c.NotificationId).NotEmpty();
        RuleFor(c => c.Outcome).IsInEnum();
        RuleFor(c => c.Error).MaximumLength(2000);
    }
}
