using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.MarketData.Commands.ImportPriceBars;

/// <summary>
/// Stores daily bars, replacing any stored bar of the same (symbol, date): importing the same rows again changes nothing.
/// One batch of at most <see cref="ImportPriceBarsCommandValidator.MaxBars"/> bars per command (the CLI splits a file).
/// </summary>
public sealed record ImportPriceBarsCommand(IReadOnlyList<PriceBarInput> Bars) : ICommand<PriceBarImportResult>;
