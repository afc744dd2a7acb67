using MediatR;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Notifications.Commands.RecordWebsocketDelivery;

/// <summary>
/// Sent by the real-time worker (in the background, after the push) to record what a notification push did on the
/// notification's websocket delivery row. <see cref="Error"/> is the push failure, when it failed.
/// </summary>
public sealed record RecordWebsocketDeliveryCommand(Guid NotificationId, WebsocketPushOutcome Outcome, string? Error) : ICommand<Unit>;
