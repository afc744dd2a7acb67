namespace RiskPlatform.Domain.Portfolio.Monitoring;

/// <summary>Cancel the open orders of <see cref="Symbol"/>, or every open order when it is null; issued for episode <see cref="EpisodeId"/>.</summary>
public sealed record CancelOrdersInstruction(Guid EpisodeId, string? Symbol)
{
    public bool IsAll => Symbol is null;
}
