using FluentValidation;

namespace RiskPlatform.Application.Backtesting.Queries.GetBacktestJob;

internal sealed class GetBacktestJobQueryValidator : AbstractValidator<GetBacktestJobQuery>
{
    public GetBacktestJobQueryValidator() => RuleFor(q => q.Id).NotEmpty();
}
