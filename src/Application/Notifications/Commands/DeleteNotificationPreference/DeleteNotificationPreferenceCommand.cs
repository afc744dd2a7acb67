using MediatR;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Notifications.Commands.DeleteNotificationPreference;

/// <summary>Deletes one of the caller's preference rows; that type × channel follows the defaults again.</summary>
public sealed record DeleteNotificationPreferenceCommand(Guid Id) : ICommand<Unit>;
