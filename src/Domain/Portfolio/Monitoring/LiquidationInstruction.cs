using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Domain.Portfolio.Monitoring;

/// <summary>
/// A market order that flattens one position, issued by the monitor for episode <see cref="EpisodeId"/>. Submit it as a monitor
/// order: it bypasses the pre-trade engine and the halted/reducing state. <see cref="ClientOrderId"/> is
/// <c>mon-{EpisodeId:N}-{Symbol}</c>, so a retry of the same instruction is idempotent at the broker.
/// </summary>
public sealed record LiquidationInstruction(Guid EpisodeId, string Symbol, OrderSide Side, decimal Quantity, string ClientOrderId);
