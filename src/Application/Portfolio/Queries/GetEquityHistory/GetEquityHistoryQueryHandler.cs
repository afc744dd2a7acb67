using MediatR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Portfolio.Equity;

namespace RiskPlatform.Application.Portfolio.Queries.GetEquityHistory;

/// <summary>Reads the range's snapshots, keeps the last of each interval and adds the drawdown from the running peak.</summary>
internal sealed class GetEquityHistoryQueryHandler(IReadRepository<EquitySnapshot> snapshots, ICurrentUser currentUser, TimeProvider timeProvider)
    : IRequestHandler<GetEquityHistoryQuery, EquityHistoryDto>
{
    /// <summary>The most points an answer holds: the default interval is the narrowest that stays under it.</summary>
    public const int MaxPoints = 1500;

    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(1);

    public async Task<EquityHistoryDto> Handle(GetEquityHistoryQuery request, CancellationToken cancellationToken)
    {
        var to = request.To?.ToUniversalTime() ?? timeProvider.GetUtcNow().UtcDateTime;
        var from = request.From?.ToUniversalTime() ?? to - DefaultRange;
        var interval = WireEnum.ParseOrNull<EquityInterval>(request.Interval) ?? Narrowest(to - from);
        var points = await snapshots.ListAsync(new EquityPointsOfUserBetweenSpec(currentUser.RequireUserId(), from, to), cancellationToken);

        var peak = 0m;
        var history = EquityHistory.LastPerBucket(points, Width(interval))
            .TakeLast(MaxPoints)
            .Select(point =>
            {
                peak = Math.Max(peak, point.Equity);
                var drawdown = peak - point.Equity;
                return new EquityHistoryPointDto(point.At, point.Equity, drawdown, peak == 0m ? 0m : Math.Round(drawdown / peak * 100m, 4));
            })
            .ToList();
        return new EquityHistoryDto(from, to, interval, history);
    }

    private static EquityInterval Narrowest(TimeSpan range) =>
        Enum.GetValues<EquityInterval>().FirstOrDefault(i => range.Ticks / Width(i).Ticks < MaxPoints, EquityInterval.Day);

    private static TimeSpan Width(EquityInterval interval) => interval switch
    {
        EquityInterval.Minute => TimeSpan.FromMinutes(1),
        EquityInterval.Hour => TimeSpan.FromHours(1),
        _ => TimeSpan.FromDays(1),
    };
}
