using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Portfolio.Common;

namespace RiskPlatform.Application.Portfolio.Commands.HaltTrading;

/// <summary>The manual kill switch: halts trading (from active or reducing); already halted changes nothing.</summary>
public sealed record HaltTradingCommand(string? Reason = null) : IAccountCommand<TradingStateDto>
{
    /// <summary>Reason recorded when the user gives none.</summary>
    public const string DefaultReason = "MANUAL_HALT";
}
