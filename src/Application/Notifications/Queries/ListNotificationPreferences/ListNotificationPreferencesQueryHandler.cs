using MediatR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Queries.ListNotificationPreferences;

internal sealed class ListNotificationPreferencesQueryHandler(IReadRepository<NotificationPreference> preferences, ICurrentUser currentUser)
    : IRequestHandler<ListNotificationPreferencesQuery, IReadOnlyList<NotificationPreferenceDto>>
{
    public async Task<IReadOnlyList<NotificationPreferenceDto>> Handle(ListNotificationPreferencesQuery request, CancellationToken cancellationToken) =>
        await preferences.ListAsync(new NotificationPreferenceDtosOfUserSpec(currentUser.RequireUserId()), cancellationToken);
}
