using FluentValidation;
using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Queries.ListApiKeys;

internal sealed class ListApiKeysQueryValidator : AbstractValidator<ListApiKeysQuery>
{
    public ListApiKeysQueryValidator()
    {
        RuleFor(q => q.Broker).Must(b => b is null || WireEnum.TryParse<Broker>(b, out _))
            .WithMessage($"broker must be one of: {WireEnum.Names<Broker>()}.");
        RuleFor(q => q.Status).Must(s => s is null || WireEnum.TryParse<ApiKeyStatus>(s, out _))
            .WithMessage($"status must be one of: {WireEnum.Names<ApiKeyStatus>()}.");
    }
}
