using FluentValidation;
using RiskPlatform.Application.MarketData.Commands.SetMarketQuote;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.MarketData;

namespace RiskPlatform.Application.MarketData.Commands.SetMarketQuotes;

internal sealed class SetMarketQuotesCommandValidator : AbstractValidator<SetMarketQuotesCommand>
{
    public SetMarketQuotesCommandValidator()
    {
        RuleFor(c => c.Quotes).NotEmpty().WithMessage("Give at least one quote.")
            .Must(q => q!.Count <= SetMarketQuotesCommand.MaxQuotes)
            .WithMessage($"At most {SetMarketQuotesCommand.MaxQuotes} quotes per request.");
        RuleForEach(c => c.Quotes).NotNull().WithMessage("A quote must be an object.").SetValidator(new SetMarketQuoteCommandValidator());
        RuleFor(c => c.Quotes).Custom(RejectRepeatedSymbols).When(c => c.Quotes is { Count: <= SetMarketQuotesCommand.MaxQuotes });
    }

    /// <summary>A symbol given twice would leave which quote won to chance: the second (and later) ones are named.</summary>
    private static void RejectRepeatedSymbols(IReadOnlyList<SetMarketQuoteCommand>? quotes, ValidationContext<SetMarketQuotesCommand> context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < quotes!.Count; i++)
        {
            if (quotes[i] is { } quote && TradingInput.IsValidSymbol(quote.Symbol) && !seen.Add(TradingSymbol.Normalize(quote.Symbol)))
            {
                context.AddFailure($"{nameof(SetMarketQuotesCommand.Quotes)}[{i}].{nameof(SetMarketQuoteCommand.Symbol)}", "Each symbol may appear once per request.");
            }
        }
    }
}
