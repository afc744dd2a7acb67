using FluentValidation;

namespace RiskPlatform.Application.Notifications.Queries.GetUnreadCount;

internal sealed class GetUnreadCountQueryValidator : AbstractValidator<GetUnreadCountQuery>
{
    public GetUnreadCountQueryValidator() => RuleFor(q => q.UserId).NotEmpty();
}
