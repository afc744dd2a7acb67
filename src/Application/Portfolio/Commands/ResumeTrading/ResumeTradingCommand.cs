using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Portfolio.Common;

namespace RiskPlatform.Application.Portfolio.Commands.ResumeTrading;

/// <summary>Resumes trading after a halt (409 otherwise); the high-water mark is re-baselined to the current equity.</summary>
public sealed record ResumeTradingCommand : IAccountCommand<TradingStateDto>;
