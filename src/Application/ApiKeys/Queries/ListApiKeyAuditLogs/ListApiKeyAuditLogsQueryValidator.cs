using FluentValidation;
using RiskPlatform.Application.Common.Validation;

namespace RiskPlatform.Application.ApiKeys.Queries.ListApiKeyAuditLogs;

internal sealed class ListApiKeyAuditLogsQueryValidator : AbstractValidator<ListApiKeyAuditLogsQuery>
{
    public ListApiKeyAuditLogsQueryValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Offset).ValidOffset();
    }
}
