using FluentValidation;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.Analytics;

namespace RiskPlatform.Application.Portfolio.Queries.GetPortfolioAnalytics;

internal sealed class GetPortfolioAnalyticsQueryValidator : AbstractValidator<GetPortfolioAnalyticsQuery>
{
    public const string DefaultBenchmark = "SPY";

    public const int DefaultLookbackDays = 252;

    /// <summary>Five years of daily returns.</summary>
    public const int MaxLookbackDays = 1260;

    public GetPortfolioAnalyticsQueryValidator()
    {
        RuleFor(q => q.Benchmark).Must(TradingInput.IsValidSymbol).When(q => q.Benchmark is not null).WithMessage(TradingInput.SymbolMessage);
        RuleFor(q => q.LookbackDays).InclusiveBetween(PortfolioAnalytics.MinimumReturns, MaxLookbackDays)
            .WithMessage($"lookback_days must be between {PortfolioAnalytics.MinimumReturns} and {MaxLookbackDays}.");
    }
}
