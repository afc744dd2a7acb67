using MediatR;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Backtesting.Commands.CompleteBacktestJob;

/// <summary>Records a claimed job's end: its result body (JSON), or why it failed. The result is kept for <c>Backtest:ResultRetention</c>.</summary>
public sealed record CompleteBacktestJobCommand(Guid JobId, string? ResultJson, string? Error) : ICommand<Unit>;
