using FluentValidation;

namespace RiskPlatform.Application.Backtesting.Commands.CompleteBacktestJob;

internal sealed class CompleteBacktestJobCommandValidator : AbstractValidator<CompleteBacktestJobCommand>
{
    public CompleteBacktestJobCommandValidator()
    {
        RuleFor(c => c.JobId).NotEmpty();
        RuleFor(c => c).Must(c => (c.ResultJson is null) != (c.Error is null)).WithMessage("Give a result or an error, not both.");
    }
}
