namespace RiskPlatform.Web.Client;

/// <summary>
/// Wire shape of <c>GET /market/bars/{symbol}</c>: a symbol's bars over <see cref="From"/>–<see cref="To"/> (New York dates, both
/// included), oldest first. <see cref="Interval"/> is <c>day</c> or <c>minute</c>.
/// </summary>
public sealed record PriceBars(string Symbol, string Interval, DateOnly From, DateOnly To, IReadOnlyList<PriceBar> Bars);

/// <summary>One bar; a minute bar also has <see cref="At"/>, its minute's start (UTC).</summary>
public sealed record PriceBar(DateOnly Date, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, DateTime? At);
