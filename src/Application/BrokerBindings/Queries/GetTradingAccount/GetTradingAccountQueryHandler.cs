using MediatR;
using RiskPlatform.Application.ApiKeys.Specifications;
using RiskPlatform.Application.BrokerBindings.Common;
using RiskPlatform.Application.BrokerBindings.Specifications;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.BrokerBindings;

namespace RiskPlatform.Application.BrokerBindings.Queries.GetTradingAccount;

internal sealed class GetTradingAccountQueryHandler(
    IReadRepository<BrokerBinding> bindings,
    IReadRepository<ApiKey> apiKeys,
    ICurrentUser currentUser,
    TimeProvider timeProvider) : IRequestHandler<GetTradingAccountQuery, TradingAccountDto>
{
    public async Task<TradingAccountDto> Handle(GetTradingAccountQuery request, CancellationToken cancellationToken)
    {
        var binding = await bindings.FirstOrDefaultAsync(new BrokerBindingForUserSpec(currentUser.RequireUserId()), cancellationToken);
        var key = binding?.ApiKeyId is { } keyId ? await apiKeys.FirstOrDefaultAsync(new ApiKeyByIdSpec(keyId), cancellationToken) : null;
        return TradingAccountDto.From(binding, key, timeProvider.GetUtcNow().UtcDateTime);
    }
}
