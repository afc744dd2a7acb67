using FluentValidation;

namespace RiskPlatform.Application.Portfolio.Commands.ExecuteMonitorAction;

internal sealed class ExecuteMonitorActionCommandValidator : AbstractValidator<ExecuteMonitorActionCommand>
{
    public ExecuteMonitorActionCommandValidator()
    {
        RuleFor(c => c.UserId).NotEmpty();
        RuleFor(c => c.ActionId).NotEmpty();
    }
}
