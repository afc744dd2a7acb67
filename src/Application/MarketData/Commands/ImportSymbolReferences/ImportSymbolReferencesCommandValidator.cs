using FluentValidation;
using RiskPlatform.Application.MarketData.Commands.SetSymbolReference;

namespace RiskPlatform.Application.MarketData.Commands.ImportSymbolReferences;

internal sealed class ImportSymbolReferencesCommandValidator : AbstractValidator<ImportSymbolReferencesCommand>
{
    public const int MaxSymbols = 5000;

    public ImportSymbolReferencesCommandValidator()
    {
        RuleFor(c => c.Symbols).Must(s => s is { Count: > 0 and <= MaxSymbols }).WithMessage($"Give 1 to {MaxSymbols} symbols per batch.");
        RuleFor(c => c.Symbols).Must(s => s.Select(x => (x.Symbol ?? string.Empty).Trim().ToUpperInvariant()).Distinct().Count() == s.Count)
            .When(c => c.Symbols is not null)
            .WithMessage("A batch holds each symbol once.");
        RuleForEach(c => c.Symbols).SetValidator(new SetSymbolReferenceCommandValidator());
    }
}
