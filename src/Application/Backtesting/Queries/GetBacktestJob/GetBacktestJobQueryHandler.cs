using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Backtesting.Common;
using RiskPlatform.Application.Backtesting.Specifications;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Backtesting;

namespace RiskPlatform.Application.Backtesting.Queries.GetBacktestJob;

internal sealed class GetBacktestJobQueryHandler(
    IReadRepository<BacktestJob> jobs,
    ICurrentUser currentUser,
    IOptions<BacktestOptions> options,
    TimeProvider timeProvider) : IRequestHandler<GetBacktestJobQuery, BacktestJobDto>
{
    public async Task<BacktestJobDto> Handle(GetBacktestJobQuery request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var job = await jobs.FirstOrDefaultAsync(new BacktestJobByIdSpec(request.Id), cancellationToken);
        if (job is null || job.ExpiresAt <= now)
        {
            throw new NotFoundException("Backtest job", request.Id);
        }

        if (job.UserId != userId)
        {
            throw new NotFoundException("Backtest job", request.Id, belongsToAnotherUser: true);
        }

        return BacktestJobDto.From(job, now, options.Value.MaxRunTime);
    }
}
