using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.MarketData.Commands.SetSymbolReference;

namespace RiskPlatform.Application.MarketData.Commands.ImportSymbolReferences;

/// <summary>
/// Creates or replaces the reference data of many symbols (a batch of the operator's file): re-importing the same rows
/// changes nothing. At most <see cref="ImportSymbolReferencesCommandValidator.MaxSymbols"/> per command.
/// </summary>
public sealed record ImportSymbolReferencesCommand(IReadOnlyList<SetSymbolReferenceCommand> Symbols) : ICommand<int>;
