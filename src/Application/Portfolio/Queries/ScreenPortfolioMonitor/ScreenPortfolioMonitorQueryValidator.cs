using FluentValidation;

namespace RiskPlatform.Application.Portfolio.Queries.ScreenPortfolioMonitor;

internal sealed class ScreenPortfolioMonitorQueryValidator : AbstractValidator<ScreenPortfolioMonitorQuery>
{
    public ScreenPortfolioMonitorQueryValidator() => RuleFor(q => q.UserId).NotEmpty();
}
