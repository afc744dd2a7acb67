namespace RiskPlatform.Application.Common.Actors;

/// <summary>
/// A symbol's price for valuing positions (last, else mid) and when its quote was set: what an account's actor remembers of
/// the quotes of the symbols it holds (<see cref="AccountMemory.RecallQuotesAsync"/>), and what a quote's commit pushes to it.
/// </summary>
public sealed record QuoteMark(string Symbol, decimal Price, DateTime UpdatedAt);
