using RiskPlatform.Application.BrokerBindings.Specifications;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.BrokerBindings;

namespace RiskPlatform.Application.Notifications.EventHandlers;

/// <summary>
/// Whether the user's orders go to the paper broker: no binding, or a binding to the paper source — the same rule the broker
/// routing applies, read in the same request, so it names the broker that reported the order's status.
/// </summary>
internal static class PaperBrokerCheck
{
    public static async Task<bool> IsPaperAsync(IReadRepository<BrokerBinding> bindings, Guid userId, CancellationToken cancellationToken)
    {
        var binding = await bindings.FirstOrDefaultAsync(new BrokerBindingForUserSpec(userId), cancellationToken);
        return binding is null || binding.Source == BrokerSource.Paper;
    }
}
