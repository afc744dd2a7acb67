using Mapster;
using MediatR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications.Push;

namespace RiskPlatform.Application.Notifications.Queries.ListPushSubscriptions;

internal sealed class ListPushSubscriptionsQueryHandler(IReadRepository<PushSubscription> subscriptions, ICurrentUser currentUser, TypeAdapterConfig mapping)
    : IRequestHandler<ListPushSubscriptionsQuery, IReadOnlyList<PushSubscriptionDto>>
{
    public async Task<IReadOnlyList<PushSubscriptionDto>> Handle(ListPushSubscriptionsQuery request, CancellationToken cancellationToken)
    {
        var rows = await subscriptions.ListAsync(new PushSubscriptionsOfUserSpec(currentUser.RequireUserId()), cancellationToken);
        return [.. rows.Select(s => s.Adapt<PushSubscriptionDto>(mapping))];
    }
}
