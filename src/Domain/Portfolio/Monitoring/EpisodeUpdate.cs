namespace RiskPlatform.Domain.Portfolio.Monitoring;

/// <summary>An open episode whose metric got worse: <see cref="MonitorDecision.Apply"/> raises its worst value to <see cref="Observed"/>.</summary>
public sealed record EpisodeUpdate(BreachEpisode Episode, decimal Observed);
