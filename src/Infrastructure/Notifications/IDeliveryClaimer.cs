namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>Takes due email delivery rows for this worker so that no other worker sends them at the same time.</summary>
internal interface IEmailDeliveryClaimer
{
    Task<IReadOnlyList<ClaimedDelivery>> ClaimDueAsync(DateTime now, int batchSize, TimeSpan lease, CancellationToken cancellationToken);
}
