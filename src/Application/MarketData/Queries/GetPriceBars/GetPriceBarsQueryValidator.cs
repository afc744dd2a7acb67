using FluentValidation;
using RiskPlatform.Application.Trading.Common;

namespace RiskPlatform.Application.MarketData.Queries.GetPriceBars;

internal sealed class GetPriceBarsQueryValidator : AbstractValidator<GetPriceBarsQuery>
{
    /// <summary>The widest range one read returns: about 20 years of daily bars.</summary>
    public const int MaxDays = 7320;

    public GetPriceBarsQueryValidator()
    {
        RuleFor(q => q.Symbol).Must(TradingInput.IsValidSymbol).WithMessage(TradingInput.SymbolMessage);
        RuleFor(q => q.From).LessThanOrEqualTo(q => q.To).When(q => q.From is not null && q.To is not null)
            .WithMessage("from must not be after to.");
        RuleFor(q => q.To).Must((q, to) => to!.Value.DayNumber - q.From!.Value.DayNumber <= MaxDays)
            .When(q => q.From is not null && q.To is not null && q.From <= q.To)
            .WithMessage($"The range from from to to is at most {MaxDays} days.");
    }
}
