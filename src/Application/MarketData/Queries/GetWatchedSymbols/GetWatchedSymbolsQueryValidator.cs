using FluentValidation;

namespace RiskPlatform.Application.MarketData.Queries.GetWatchedSymbols;

internal sealed class GetWatchedSymbolsQueryValidator : AbstractValidator<GetWatchedSymbolsQuery>
{
    public GetWatchedSymbolsQueryValidator() => RuleFor(q => q.UserId).NotEmpty();
}
