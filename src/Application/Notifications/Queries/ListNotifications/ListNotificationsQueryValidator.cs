using FluentValidation;
using RiskPlatform.Application.Common.Validation;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Queries.ListNotifications;

internal sealed class ListNotificationsQueryValidator : AbstractValidator<ListNotificationsQuery>
{
    public ListNotificationsQueryValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Offset).ValidOffset();
        RuleFor(q => q.Priority).ValidWireEnum<ListNotificationsQuery, NotificationPriority>();
        RuleFor(q => q.Type).ValidWireEnum<ListNotificationsQuery, NotificationType>();
        RuleFor(q => q.TypeFilter).ValidWireEnum<ListNotificationsQuery, NotificationType>();
        RuleFor(q => q.TypeFilter).Equal(q => q.Type).When(q => q.Type is not null && q.TypeFilter is not null)
            .WithMessage("type_filter must match type when both are given.");
        RuleFor(q => q.Before).NotEqual(Guid.Empty);
    }
}
