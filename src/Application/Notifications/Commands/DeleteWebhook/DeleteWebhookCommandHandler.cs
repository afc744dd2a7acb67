using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Domain.Notifications.Webhooks;

namespace RiskPlatform.Application.Notifications.Commands.DeleteWebhook;

internal sealed class DeleteWebhookCommandHandler(
    IRepository<WebhookEndpoint> endpoints,
    ICurrentUser currentUser,
    AuditScope audit) : IRequestHandler<DeleteWebhookCommand, Unit>
{
    public async Task<Unit> Handle(DeleteWebhookCommand request, CancellationToken cancellationToken)
    {
        audit.Target("webhook_endpoint", request.Id).Describe("Deleted a webhook endpoint");
        var endpoint = await endpoints.LoadOwnedAsync(request.Id, currentUser.RequireUserId(), cancellationToken);
        endpoints.Remove(endpoint);
        return Unit.Value;
    }
}
