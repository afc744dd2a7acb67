using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Domain.Portfolio.Monitoring;

/// <summary>
/// A new breach episode decided by the monitor. Persist <see cref="Episode"/> and record the breach with
/// <c>Rule.RecordBreach(Episode.FirstObserved, Episode.Limit, Episode.Symbol, null, Reason, BreachSource.Monitor, now)</c>, which
/// raises the notification.
/// </summary>
public sealed record OpenedEpisode(BreachEpisode Episode, RiskRule Rule, string Reason);
