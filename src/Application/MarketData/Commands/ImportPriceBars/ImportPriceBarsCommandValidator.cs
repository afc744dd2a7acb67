using FluentValidation;
using RiskPlatform.Application.MarketData.Common;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.MarketData;

namespace RiskPlatform.Application.MarketData.Commands.ImportPriceBars;

internal sealed class ImportPriceBarsCommandValidator : AbstractValidator<ImportPriceBarsCommand>
{
    public const int MaxBars = 5000;

    public ImportPriceBarsCommandValidator()
    {
        RuleFor(c => c.Bars).Must(b => b is { Count: > 0 and <= MaxBars }).WithMessage($"Give 1 to {MaxBars} bars per batch.");
        RuleFor(c => c.Bars).Must(b => b.Select(x => (TradingSymbolKey(x.Symbol), x.Date)).Distinct().Count() == b.Count)
            .When(c => c.Bars is not null)
            .WithMessage("A batch holds each (symbol, date) once.");
        RuleForEach(c => c.Bars).ChildRules(bar =>
        {
            bar.RuleFor(b => b.Symbol).Must(TradingInput.IsValidSymbol).WithMessage(TradingInput.SymbolMessage);
            bar.RuleFor(b => b.Open).Must(PriceBarInputRules.IsValidPrice).WithMessage(PriceBarInputRules.PriceMessage("open"));
            bar.RuleFor(b => b.High).Must(PriceBarInputRules.IsValidPrice).WithMessage(PriceBarInputRules.PriceMessage("high"));
            bar.RuleFor(b => b.Low).Must(PriceBarInputRules.IsValidPrice).WithMessage(PriceBarInputRules.PriceMessage("low"));
            bar.RuleFor(b => b.Close).Must(PriceBarInputRules.IsValidPrice).WithMessage(PriceBarInputRules.PriceMessage("close"));
            bar.RuleFor(b => b.Low).Must((b, low) => low <= b.Open && low <= b.Close && low <= b.High)
                .WithMessage("low must not be above open, close or high.");
            bar.RuleFor(b => b.High).Must((b, high) => high >= b.Open && high >= b.Close)
                .WithMessage("high must not be below open or close.");
            bar.RuleFor(b => b.Volume).Must(v => v >= 0m && MarketPrecision.HasAllowedScale(v))
                .WithMessage($"volume must be 0 or more with at most {MarketPrecision.MaxDecimals} decimal places.");
            bar.RuleFor(b => b.Date).Must(PriceBarInputRules.IsValidDate)
                .WithMessage($"date must be between {PriceBarInputRules.MinDate:yyyy-MM-dd} and {PriceBarInputRules.MaxDate:yyyy-MM-dd}.");
        });
    }

    private static string TradingSymbolKey(string? symbol) => (symbol ?? string.Empty).Trim().ToUpperInvariant();
}
