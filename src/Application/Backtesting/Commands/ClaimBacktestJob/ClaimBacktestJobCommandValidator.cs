using FluentValidation;

namespace RiskPlatform.Application.Backtesting.Commands.ClaimBacktestJob;

/// <summary>Nothing to check: the command has no input.</summary>
internal sealed class ClaimBacktestJobCommandValidator : AbstractValidator<ClaimBacktestJobCommand>;
