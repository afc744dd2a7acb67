using FluentValidation;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.MarketData.Reference;

namespace RiskPlatform.Application.MarketData.Commands.SetSymbolReference;

internal sealed class SetSymbolReferenceCommandValidator : AbstractValidator<SetSymbolReferenceCommand>
{
    public SetSymbolReferenceCommandValidator()
    {
        RuleFor(c => c.Symbol).Must(TradingInput.IsValidSymbol).WithMessage(TradingInput.SymbolMessage);
        RuleFor(c => c.Sector).Must(IsValidField).WithMessage(FieldMessage("sector"));
        RuleFor(c => c.Industry).Must(IsValidField).WithMessage(FieldMessage("industry"));
        RuleFor(c => c.AssetClass).Must(IsValidField).WithMessage(FieldMessage("asset_class"));
        RuleFor(c => c.Exchange).Must(IsValidField).WithMessage(FieldMessage("exchange"));
    }

    public static bool IsValidField(string? value) =>
        value is null || (value.Trim().Length <= SymbolReference.MaxFieldLength && !value.Any(char.IsControl));

    public static string FieldMessage(string field) => $"{field} must be at most {SymbolReference.MaxFieldLength} printable characters.";
}
