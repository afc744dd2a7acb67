namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>Section <c>Notifications:Outbox</c>: how each channel's outbox worker (email, sms, webhook) polls and claims.</summary>
public sealed class NotificationOutboxOptions
{
    public const string SectionName = "Notifications:Outbox";

    /// <summary>Pause between polls when the last batch was not full.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Rows claimed per poll.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// Sends of one channel's batch in flight at once. Each channel also bounds its peer: webhooks by
    /// <c>Notifications:Webhooks:MaxConnectionsPerEndpoint</c>, email by <c>Smtp:MaxConnections</c>.
    /// </summary>
    public int MaxParallelism { get; set; } = 16;

    /// <summary>
    /// Batches of one channel being sent at once: the worker claims the next rows while earlier batches are still sending,
    /// so a new row does not wait for the slowest send of the batch before it. All of them share the channel's bound on its
    /// peer (<c>Smtp:MaxConnections</c>, <c>Notifications:Webhooks:MaxConnectionsPerEndpoint</c>).
    /// </summary>
    public int MaxBatchesInFlight { get; set; } = 4;

    /// <summary>
    /// How long a claimed row is hidden from other workers. If this worker dies, the row is due again when the lease ends;
    /// keep it well above <c>Smtp:Timeout</c> and the webhook and SMS timeouts.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
}
