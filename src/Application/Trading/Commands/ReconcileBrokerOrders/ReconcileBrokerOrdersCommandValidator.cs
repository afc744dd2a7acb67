using FluentValidation;

namespace RiskPlatform.Application.Trading.Commands.ReconcileBrokerOrders;

internal sealed class ReconcileBrokerOrdersCommandValidator : AbstractValidator<ReconcileBrokerOrdersCommand>
{
    public ReconcileBrokerOrdersCommandValidator() => RuleFor(c => c.UserId).NotEmpty();
}
