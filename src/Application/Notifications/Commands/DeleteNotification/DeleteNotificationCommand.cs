using MediatR;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Notifications.Commands.DeleteNotification;

/// <summary>Deletes one of the caller's notifications and its delivery rows.</summary>
public sealed record DeleteNotificationCommand(Guid Id) : ICommand<Unit>;
