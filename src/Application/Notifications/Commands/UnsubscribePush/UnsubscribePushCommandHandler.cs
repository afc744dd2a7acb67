using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications.Push;

namespace RiskPlatform.Application.Notifications.Commands.UnsubscribePush;

/// <summary>A missing subscription and another user's are the same 404.</summary>
internal sealed class UnsubscribePushCommandHandler(
    IRepository<PushSubscription> subscriptions,
    ICurrentUser currentUser,
    AuditScope audit) : IRequestHandler<UnsubscribePushCommand, Unit>
{
    public async Task<Unit> Handle(UnsubscribePushCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        PushSubscription? subscription;
        if (request.Id is { } id)
        {
            audit.Target("push_subscription", id);
            subscription = await subscriptions.FirstOrDefaultAsync(new PushSubscriptionByIdSpec(id), cancellationToken);
            if (subscription is not null && subscription.UserId != userId)
            {
                throw new NotFoundException("PushSubscription", id, belongsToAnotherUser: true);
            }
        }
        else
        {
            var hash = PushSubscription.HashOf(new Uri(request.Endpoint!.Trim(), UriKind.Absolute));
            subscription = await subscriptions.FirstOrDefaultAsync(new PushSubscriptionByEndpointSpec(userId, hash), cancellationToken);
        }

        if (subscription is null)
        {
            throw new NotFoundException("PushSubscription", request.Id?.ToString() ?? "with that endpoint");
        }

        audit.Target("push_subscription", subscription.Id).Describe("Unsubscribed a browser from push notifications");
        subscriptions.Remove(subscription);
        return Unit.Value;
    }
}
