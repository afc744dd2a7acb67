using FluentValidation;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Commands.MirrorBrokerOrderUpdate;

internal sealed class MirrorBrokerOrderUpdateCommandValidator : AbstractValidator<MirrorBrokerOrderUpdateCommand>
{
    public MirrorBrokerOrderUpdateCommandValidator()
    {
        RuleFor(c => c.UserId).NotEmpty();
        RuleFor(c => c.Event).NotEmpty().MaximumLength(MirrorBrokerOrderUpdateCommand.EventMaxLength);
        RuleFor(c => c.BrokerOrderId).NotEmpty().MaximumLength(Order.BrokerOrderIdMaxLength);
        RuleFor(c => c.ClientOrderId).MaximumLength(Order.ClientOrderIdMaxLength);
        RuleFor(c => c.Status).IsInEnum();
        RuleFor(c => c.FilledQuantity).GreaterThanOrEqualTo(0m);
        RuleFor(c => c.AverageFillPrice).GreaterThan(0m).When(c => c.AverageFillPrice is not null);
    }
}
