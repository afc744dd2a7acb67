using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Application.Notifications.Commands.SendWebhookTest;

/// <summary>Sends a signed <c>webhook.test</c> ping to one of the caller's endpoints now and reports the answer; changes nothing.</summary>
public sealed record SendWebhookTestCommand(Guid Id) : ICommand<WebhookTestResultDto>;
