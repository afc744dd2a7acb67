using MediatR;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Notifications.Commands.UnsubscribePush;

/// <summary>
/// Removes one of the caller's subscriptions, named by <see cref="Id"/> or by the browser's <see cref="Endpoint"/>; its
/// unsent push deliveries are dropped (<c>subscription_deleted</c>).
/// </summary>
public sealed record UnsubscribePushCommand(Guid? Id = null, string? Endpoint = null) : ICommand<Unit>;
