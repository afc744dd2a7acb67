using FluentValidation;
using RiskPlatform.Application.Backtesting.Common;

namespace RiskPlatform.Application.Backtesting.Commands.SubmitBacktest;

internal sealed class SubmitBacktestCommandValidator : AbstractValidator<SubmitBacktestCommand>
{
    public SubmitBacktestCommandValidator() => Include(new BacktestRequestValidator());
}
