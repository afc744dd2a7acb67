using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Portfolio.Common;

namespace RiskPlatform.Application.Portfolio.Commands.SetTradingDayConvention;

/// <summary>
/// Chooses when the caller's trading day starts (the day-start equity rolls, and a reducing state ends, at the new boundary);
/// <c>time_zone</c> (an IANA id) is required for <see cref="TradingDayConventionName.TimeZone"/> and not allowed otherwise.
/// The portfolio state is created on first use.
/// </summary>
public sealed record SetTradingDayConventionCommand(TradingDayConventionName? Convention, string? TimeZone = null)
    : IAccountCommand<TradingDayConventionDto>;
