using FluentValidation;

namespace RiskPlatform.Application.Portfolio.Commands.GetPortfolioRisk;

/// <summary>The command carries no input; the validator exists so every command has one.</summary>
internal sealed class GetPortfolioRiskCommandValidator : AbstractValidator<GetPortfolioRiskCommand>;
