using FluentValidation;
using RiskPlatform.Application.Common.Validation;

namespace RiskPlatform.Application.AuditLogs.Queries.ListAuditLogs;

internal sealed class ListAuditLogsQueryValidator : AbstractValidator<ListAuditLogsQuery>
{
    public ListAuditLogsQueryValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Offset).ValidOffset();
        RuleFor(q => q.ResourceType).MaximumLength(64);
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("to must not be before from.");
    }
}
