namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>A delivery row this worker claimed: the stamp it left behind, so it can tell if another worker took over since.</summary>
internal sealed record ClaimedDelivery(Guid Id, Guid ConcurrencyStamp);
