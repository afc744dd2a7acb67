using FluentValidation;

namespace RiskPlatform.Application.Trading.Commands.CancelOrder;

internal sealed class CancelOrderCommandValidator : AbstractValidator<CancelOrderCommand>
{
    public CancelOrderCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
