using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.ApiKeys.Specifications;
using RiskPlatform.Application.BrokerBindings.Common;
using RiskPlatform.Application.BrokerBindings.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.BrokerBindings;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.BrokerBindings.Commands.SetTradingAccount;

/// <summary>
/// Binds the caller's trading to paper or to one of their own API keys (another user's key → 404; revoked, expired or inactive →
/// 409; a broker without a trading adapter → 422). Switching brokers is refused (409) while the caller has open orders, which only
/// the broker that holds them could fill or cancel. Setting the same binding again re-activates it (a way back from
/// broker_unavailable once the key works again). Open orders are read back from the current broker first (fills since count);
/// a current key that can no longer be used does not hold the user (its orders cannot be managed through RiskPlatform any more).
/// </summary>
internal sealed class SetTradingAccountCommandHandler(
    IRepository<BrokerBinding> bindings,
    IReadRepository<ApiKey> apiKeys,
    IRepository<Order> orders,
    IBrokerGateway broker,
    IUnitOfWork unitOfWork,
    ICurrentUser currentUser,
    AuditScope audit,
    IOptions<RiskCheckOptions> riskOptions,
    TimeProvider timeProvider) : IRequestHandler<SetTradingAccountCommand, TradingAccountDto>
{
    public async Task<TradingAccountDto> Handle(SetTradingAccountCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var now = timeProvider.GetUtcNow().UtcDateTime;
        ApiKey? key = null;
        if (request.Source == BrokerSource.ApiKey)
        {
            key = await ApiKeyAccess.LoadOwnedAsync(apiKeys, request.ApiKeyId!.Value, userId, audit, cancellationToken);
            BrokerBinding.EnsureBindable(key, now);
        }

        var binding = await bindings.FirstOrDefaultAsync(new BrokerBindingForUserSpec(userId), cancellationToken);
        var (currentSource, currentKey) = binding is null ? (BrokerSource.Paper, null) : (binding.Source, binding.ApiKeyId);
        if ((currentSource, currentKey) != (request.Source!.Value, key?.Id)
            && await CurrentBrokerIsUsableAsync(currentKey, now, cancellationToken)
            && (await RefreshOpenOrdersAsync(userId, now, cancellationToken)).Any(o => o.IsOpen || o.AwaitsBroker))
        {
            throw new ConflictException(
                BrokerBindingErrors.OpenOrders,
                "Cancel or wait for your open orders before switching brokers; only the broker that holds them can fill or cancel them.");
        }

        if (binding is null)
        {
            binding = BrokerBinding.ForPaper(userId, now);
            bindings.Add(binding);
        }

        if (key is null)
        {
            binding.BindPaper(now);
            audit.Target("broker_binding", binding.Id).Describe("Trading account set to the paper broker");
        }
        else
        {
            binding.BindApiKey(key, now);
            audit.Target("broker_binding", binding.Id).Describe($"Trading account bound to {key.Broker} API key '{key.Name}' ({key.Id})");
        }

        binding.UpdatedAt = now;
        return TradingAccountDto.From(binding, key, now);
    }

    /// <summary>
    /// The open orders at the current broker, refreshed from it first. An external broker is asked with no transaction open
    /// (docs/decisions/020): nothing has been written yet, so the command leaves its transaction before the call, and its save
    /// begins a new one. The account's actor keeps every other command of this account out meanwhile.
    /// </summary>
    private async Task<IReadOnlyList<Order>> RefreshOpenOrdersAsync(Guid userId, DateTime now, CancellationToken cancellationToken)
    {
        if (await broker.IsExternalAsync(userId, cancellationToken))
        {
            await unitOfWork.CommitSoFarAsync(cancellationToken);
        }

        return await OpenOrderRefresh.RefreshAsync(orders, broker, userId, now, riskOptions.Value.BrokerAcknowledgement, cancellationToken);
    }

    /// <summary>
    /// False when the current binding's key can no longer be used (revoked, expired, inactive): its open orders cannot be managed
    /// through RiskPlatform any more, so they do not hold the user on it.
    /// </summary>
    private async Task<bool> CurrentBrokerIsUsableAsync(Guid? currentKeyId, DateTime now, CancellationToken cancellationToken)
    {
        if (currentKeyId is not { } id)
        {
            return true;
        }

        var current = await apiKeys.FirstOrDefaultAsync(new ApiKeyByIdSpec(id), cancellationToken);
        return TradingAccountDto.UnusableReason(current, now) is null;
    }
}
