using FluentValidation;

namespace RiskPlatform.Application.Backtesting.Commands.SweepBacktestJobs;

/// <summary>Nothing to check: the command has no input.</summary>
internal sealed class SweepBacktestJobsCommandValidator : AbstractValidator<SweepBacktestJobsCommand>;
