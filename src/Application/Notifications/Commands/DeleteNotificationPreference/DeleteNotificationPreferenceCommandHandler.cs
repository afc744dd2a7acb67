using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Commands.DeleteNotificationPreference;

internal sealed class DeleteNotificationPreferenceCommandHandler(
    IRepository<NotificationPreference> preferences,
    ICurrentUser currentUser,
    AuditScope audit) : IRequestHandler<DeleteNotificationPreferenceCommand, Unit>
{
    public async Task<Unit> Handle(DeleteNotificationPreferenceCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        audit.Target("notification_preference", request.Id).Describe("Deleted a notification preference");
        var preference = await preferences.FirstOrDefaultAsync(new NotificationPreferenceByIdSpec(request.Id), cancellationToken)
            ?? throw new NotFoundException("NotificationPreference", request.Id);
        if (preference.UserId != userId)
        {
            throw new NotFoundException("NotificationPreference", request.Id, belongsToAnotherUser: true);
        }

        preferences.Remove(preference);
        return Unit.Value;
    }
}
