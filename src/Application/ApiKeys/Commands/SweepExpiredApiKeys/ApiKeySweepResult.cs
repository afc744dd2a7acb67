namespace RiskPlatform.Application.ApiKeys.Commands.SweepExpiredApiKeys;

/// <param name="Examined">Keys that owed a status change or a notice.</param>
/// <param name="MarkedExpired">Keys whose stored status became expired.</param>
/// <param name="NoticesRaised">api_key_expiring events raised.</param>
public sealed record ApiKeySweepResult(int Examined, int MarkedExpired, int NoticesRaised);
