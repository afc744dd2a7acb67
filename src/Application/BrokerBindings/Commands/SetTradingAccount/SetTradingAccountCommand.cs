using RiskPlatform.Application.BrokerBindings.Common;
using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Domain.BrokerBindings;

namespace RiskPlatform.Application.BrokerBindings.Commands.SetTradingAccount;

/// <summary>Chooses the broker behind the caller's trading: <c>{source: "paper"}</c> or <c>{source: "api_key", api_key_id}</c>.</summary>
public sealed record SetTradingAccountCommand(BrokerSource? Source, Guid? ApiKeyId) : IAccountCommand<TradingAccountDto>, IRequiresRecentMfa
{
    /// <summary>Binding a broker key (it may trade live) needs a recent second factor; going back to the paper broker does not.</summary>
    bool IRequiresRecentMfa.RequiresRecentMfa => Source != BrokerSource.Paper;
}
