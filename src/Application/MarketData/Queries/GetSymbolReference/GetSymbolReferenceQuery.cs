using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.MarketData.Queries.GetSymbolReference;

public sealed record GetSymbolReferenceQuery(string Symbol) : IQuery<SymbolReferenceDto>;
