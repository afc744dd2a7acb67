using FluentValidation;

namespace RiskPlatform.Application.Portfolio.Commands.CompactEquityHistory;

internal sealed class CompactEquityHistoryCommandValidator : AbstractValidator<CompactEquityHistoryCommand>
{
    public CompactEquityHistoryCommandValidator() => RuleFor(c => c.UserId).NotEmpty();
}
