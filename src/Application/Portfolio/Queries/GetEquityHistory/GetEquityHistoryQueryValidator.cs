using FluentValidation;
using RiskPlatform.Application.Common.Validation;

namespace RiskPlatform.Application.Portfolio.Queries.GetEquityHistory;

internal sealed class GetEquityHistoryQueryValidator : AbstractValidator<GetEquityHistoryQuery>
{
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(366);

    public GetEquityHistoryQueryValidator()
    {
        RuleFor(q => q.Interval).ValidWireEnum<GetEquityHistoryQuery, EquityInterval>();
        RuleFor(q => q.From).LessThan(q => q.To).When(q => q.From is not null && q.To is not null).WithMessage("from must be before to.");
        RuleFor(q => q.To).Must((q, to) => to!.Value - q.From!.Value <= MaxRange)
            .When(q => q.From is not null && q.To is not null && q.From < q.To)
            .WithMessage($"The range from from to to is at most {MaxRange.TotalDays} days.");
    }
}
