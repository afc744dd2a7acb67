using FluentValidation;

namespace RiskPlatform.Application.Portfolio.Commands.RunPortfolioMonitor;

internal sealed class RunPortfolioMonitorCommandValidator : AbstractValidator<RunPortfolioMonitorCommand>
{
    public RunPortfolioMonitorCommandValidator() => RuleFor(c => c.UserId).NotEmpty();
}
