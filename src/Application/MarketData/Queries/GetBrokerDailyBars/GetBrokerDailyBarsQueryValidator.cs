using FluentValidation;

namespace RiskPlatform.Application.MarketData.Queries.GetBrokerDailyBars;

internal sealed class GetBrokerDailyBarsQueryValidator : AbstractValidator<GetBrokerDailyBarsQuery>
{
    public GetBrokerDailyBarsQueryValidator()
    {
        RuleFor(q => q.UserId).NotEmpty();
        RuleFor(q => q.HistoryDays).InclusiveBetween(1, 7320);
        RuleFor(q => q.RecentOrderDays).InclusiveBetween(0, 366);
    }
}
