using MediatR;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Notifications.Commands.RecordWebsocketDeliveries;

/// <summary>
/// Sent by the real-time worker (in the background, after the pushes) to record what a batch of notification pushes did on
/// their websocket delivery rows: one transaction and one audit row for all the pushes the worker sent since its last batch.
/// </summary>
public sealed record RecordWebsocketDeliveriesCommand(IReadOnlyList<WebsocketPushResult> Pushes) : ICommand<Unit>
{
    /// <summary>The most pushes recorded in one command (the worker cuts its batches there).</summary>
    public const int MaxPushes = 200;
}
