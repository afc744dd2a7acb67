namespace RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;

/// <summary>An order held by the fake Alpaca (mutable under the simulator's lock).</summary>
public sealed class FakeAlpacaOrder
{
    public required string Id { get; init; }

    public required string ClientOrderId { get; init; }

    public required string Symbol { get; init; }

    public required string Side { get; init; }

    public required string Type { get; init; }

    public required string TimeInForce { get; init; }

    public required decimal Qty { get; init; }

    public decimal? LimitPrice { get; init; }

    public required DateTime SubmittedAt { get; init; }

    public decimal FilledQty { get; set; }

    public decimal? FilledAvgPrice { get; set; }

    public DateTime? FilledAt { get; set; }

    public DateTime? CanceledAt { get; set; }

    public string Status { get; set; } = "new";

    public bool IsOpen => Status is "new" or "accepted" or "partially_filled";
}
