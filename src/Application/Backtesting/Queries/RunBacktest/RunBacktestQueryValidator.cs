using FluentValidation;
using RiskPlatform.Application.Backtesting.Common;

namespace RiskPlatform.Application.Backtesting.Queries.RunBacktest;

internal sealed class RunBacktestQueryValidator : AbstractValidator<RunBacktestQuery>
{
    public RunBacktestQueryValidator() => Include(new BacktestRequestValidator());
}
