using FluentValidation;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.Common;
using static RiskPlatform.Application.Common.Validation.ValidationRules;

namespace RiskPlatform.Application.ApiKeys.Queries.ListApiKeys;

internal sealed class ListApiKeysQueryValidator : AbstractValidator<ListApiKeysQuery>
{
    public ListApiKeysQueryValidator()
    {
        RuleFor(q => q.Broker).Must(b => b is null || WireEnum.TryParse<Broker>(b, out _))
            .WithMessage($"broker must be one of: {string.Join(", ", WireEnum.Names<Broker>())}.");
        RuleFor(q => q.Status).Must(s => s is null || WireEnum.TryParse<ApiKeyStatus>(s, out _))
            .WithMessage($"status must be one of: {string.Join(", ", WireEnum.Names<ApiKeyStatus>())}.");
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Offset).ValidOffset();
        RuleFor(q => q.Offset).Null().When(q => q.Limit is null)
            .WithMessage("offset pages the list only together with limit.");
    }
}
