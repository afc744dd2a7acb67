using MediatR;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Notifications.Commands.DeleteWebhook;

/// <summary>Deletes one of the caller's endpoints; its unsent deliveries are dropped (<c>endpoint_deleted</c>).</summary>
public sealed record DeleteWebhookCommand(Guid Id) : ICommand<Unit>, IRequiresRecentMfa;
