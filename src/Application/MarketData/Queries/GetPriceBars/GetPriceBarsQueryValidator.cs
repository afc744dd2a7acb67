using FluentValidation;
using RiskPlatform.Application.Trading.Common;

namespace RiskPlatform.Application.MarketData.Queries.GetPriceBars;

internal sealed class GetPriceBarsQueryValidator : AbstractValidator<GetPriceBarsQuery>
{
    /// <summary>The widest range one read of daily bars returns: about 20 years.</summary>
    public const int MaxDays = 7320;

    /// <summary>The widest range one read of minute bars returns, in days (the longest retention).</summary>
    public const int MaxMinuteDays = Common.MarketDataOptions.MaxMinuteBarRetentionDays;

    public GetPriceBarsQueryValidator()
    {
        RuleFor(q => q.Symbol).Must(TradingInput.IsValidSymbol).WithMessage(TradingInput.SymbolMessage);
        RuleFor(q => q.Interval).Must(i => i is null or GetPriceBarsQuery.Daily or GetPriceBarsQuery.Minute)
            .WithMessage($"interval must be {GetPriceBarsQuery.Daily} (daily bars, the default) or {GetPriceBarsQuery.Minute} (minute bars).");
        RuleFor(q => q.From).LessThanOrEqualTo(q => q.To).When(q => q.From is not null && q.To is not null)
            .WithMessage("from must not be after to.");
        RuleFor(q => q.To).Must((q, to) => to!.Value.DayNumber - q.From!.Value.DayNumber <= (q.IsMinute ? MaxMinuteDays : MaxDays))
            .When(q => q.From is not null && q.To is not null && q.From <= q.To)
            .WithMessage(q => $"The range from from to to is at most {(q.IsMinute ? MaxMinuteDays : MaxDays)} days{(q.IsMinute ? " for minute bars" : null)}.");
    }
}
