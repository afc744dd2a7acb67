using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>One channel the outbox sends: a <see cref="DeliveryOutboxWorker"/> runs for it when <see cref="Enabled"/>.</summary>
/// <param name="DisabledBecause">Logged when the channel is off, e.g. "Smtp:Host is not set".</param>
internal sealed record OutboxChannel(NotificationChannel Channel, bool Enabled, string DisabledBecause);
