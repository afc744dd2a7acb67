using RiskPlatform.Application.Common.Actors;

namespace RiskPlatform.Infrastructure.Actors;

/// <summary>Quotes pushed to an account's actor on the wire between nodes (<see cref="IAccountGrain.QuotesChanged"/>).</summary>
[GenerateSerializer, Immutable, Alias("riskplatform.account-quotes")]
public sealed record AccountQuotes(
    [property: Id(0)] string[] Symbols,
    [property: Id(1)] decimal[] Prices,
    [property: Id(2)] DateTime[] UpdatedAt)
{
    public static AccountQuotes From(IReadOnlyList<QuoteMark> quotes)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        return new AccountQuotes(
            [.. quotes.Select(q => q.Symbol)], [.. quotes.Select(q => q.Price)], [.. quotes.Select(q => q.UpdatedAt)]);
    }

    public IReadOnlyList<QuoteMark> ToMarks() => [.. Symbols.Select((symbol, i) => new QuoteMark(symbol, Prices[i], UpdatedAt[i]))];
}
