using FluentValidation;

namespace RiskPlatform.Application.Portfolio.Commands.ResumeTrading;

/// <summary>The command carries no input; the validator exists so every command has one.</summary>
internal sealed class ResumeTradingCommandValidator : AbstractValidator<ResumeTradingCommand>;
