namespace RiskPlatform.Domain.Portfolio.Monitoring;

/// <summary>An open episode that ends: <see cref="MonitorDecision.Apply"/> ends it with <see cref="Reason"/> at <see cref="EndedAt"/>.</summary>
public sealed record EpisodeClosure(BreachEpisode Episode, EpisodeEndReason Reason, DateTime EndedAt);
