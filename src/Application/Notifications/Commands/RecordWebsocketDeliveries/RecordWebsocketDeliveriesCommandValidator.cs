using FluentValidation;

namespace RiskPlatform.Application.Notifications.Commands.RecordWebsocketDeliveries;

internal sealed class RecordWebsocketDeliveriesCommandValidator : AbstractValidator<RecordWebsocketDeliveriesCommand>
{
    public RecordWebsocketDeliveriesCommandValidator()
    {
        RuleFor(c => c.Pushes).NotEmpty().Must(p => p is null || p.Count <= RecordWebsocketDeliveriesCommand.MaxPushes)
            .WithMessage($"pushes may hold at most {RecordWebsocketDeliveriesCommand.MaxPushes} results.");
        RuleForEach(c => c.Pushes).ChildRules(push =>
        {
            push.RuleFor(p => p.NotificationId).NotEmpty();
            push.RuleFor(p => p.Outcome).IsInEnum();
            push.RuleFor(p => p.Error).MaximumLength(2000);
        });
    }
}
