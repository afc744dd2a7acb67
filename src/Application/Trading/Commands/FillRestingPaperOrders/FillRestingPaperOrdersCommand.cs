using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Trading.Commands.FillRestingPaperOrders;

/// <summary>
/// Internal (sent after a quote commits, never by an endpoint): the paper broker's matching for one account. Its resting paper
/// orders in <paramref name="Symbols"/> are filled against the latest stored quote of each symbol, on the account's actor, so a
/// quote's fills never interleave with the account's orders, cancels or monitor runs. Returns how many orders filled.
/// </summary>
public sealed record FillRestingPaperOrdersCommand(Guid UserId, IReadOnlyList<string> Symbols) : IAccountCommand<int>, IServiceAccountRequest
{
    Guid IServiceAccountRequest.AccountUserId => UserId;
}
