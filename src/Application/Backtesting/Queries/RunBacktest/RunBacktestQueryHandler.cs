using MediatR;
using RiskPlatform.Application.Backtesting.Common;

namespace RiskPlatform.Application.Backtesting.Queries.RunBacktest;

internal sealed class RunBacktestQueryHandler(BacktestPlanner planner, BacktestRunner runner) : IRequestHandler<RunBacktestQuery, BacktestResultDto>
{
    public async Task<BacktestResultDto> Handle(RunBacktestQuery request, CancellationToken cancellationToken)
    {
        var plan = await planner.PlanAsync(request, cancellationToken);
        return await runner.RunAsync(plan, cancellationToken);
    }
}
