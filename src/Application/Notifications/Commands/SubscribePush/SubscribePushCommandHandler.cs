using Mapster;
using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications.Push;

namespace RiskPlatform.Application.Notifications.Commands.SubscribePush;

/// <summary>
/// The endpoint is a URL the service will post to, so it passes the same request-forgery guard as webhook URLs, here
/// (DNS resolved now) and again at every send. The same endpoint subscribed again replaces its keys.
/// </summary>
internal sealed class SubscribePushCommandHandler(
    IRepository<PushSubscription> subscriptions,
    IWebhookUrlGuard urlGuard,
    ICurrentUser currentUser,
    AuditScope audit,
    IOptions<PushOptions> options,
    TypeAdapterConfig mapping,
    TimeProvider timeProvider) : IRequestHandler<SubscribePushCommand, SubscribedPush>
{
    public async Task<SubscribedPush> Handle(SubscribePushCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var endpoint = new Uri(request.Endpoint!.Trim(), UriKind.Absolute);
        if (await urlGuard.RefusalAsync(endpoint, cancellationToken) is { } refusal)
        {
            throw new ValidationException("endpoint", refusal.Replace("Webhook URLs", "Push endpoints", StringComparison.Ordinal));
        }

        var existing = await subscriptions.FirstOrDefaultAsync(new PushSubscriptionByEndpointSpec(userId, PushSubscription.HashOf(endpoint)), cancellationToken);
        if (existing is not null)
        {
            existing.ReplaceKeys(request.Keys!.P256dh, request.Keys.Auth);
            audit.Target("push_subscription", existing.Id).Describe("Renewed a browser push subscription");
            return new SubscribedPush(existing.Adapt<PushSubscriptionDto>(mapping), Created: false);
        }

        var max = options.Value.MaxSubscriptionsPerUser;
        if (await subscriptions.CountAsync(new PushSubscriptionsOfUserSpec(userId), cancellationToken) >= max)
        {
            throw new ConflictException("push_subscription.limit_reached", $"A user may subscribe at most {max} browsers; unsubscribe one first.");
        }

        var subscription = PushSubscription.Create(userId, endpoint, request.Keys!.P256dh, request.Keys.Auth, timeProvider.GetUtcNow().UtcDateTime);
        subscriptions.Add(subscription);
        audit.Target("push_subscription", subscription.Id).Describe("Subscribed a browser to push notifications");
        return new SubscribedPush(subscription.Adapt<PushSubscriptionDto>(mapping), Created: true);
    }
}
