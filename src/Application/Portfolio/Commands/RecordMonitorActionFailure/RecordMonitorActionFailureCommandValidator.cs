using FluentValidation;

namespace RiskPlatform.Application.Portfolio.Commands.RecordMonitorActionFailure;

internal sealed class RecordMonitorActionFailureCommandValidator : AbstractValidator<RecordMonitorActionFailureCommand>
{
    public RecordMonitorActionFailureCommandValidator()
    {
        RuleFor(c => c.UserId).NotEmpty();
        RuleFor(c => c.ActionId).NotEmpty();
        RuleFor(c => c.Error).NotNull();
    }
}
