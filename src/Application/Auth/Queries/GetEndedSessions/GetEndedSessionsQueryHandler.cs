using MediatR;
using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Queries.GetEndedSessions;

internal sealed class GetEndedSessionsQueryHandler(IReadRepository<RefreshToken> refreshTokens, TimeProvider timeProvider)
    : IRequestHandler<GetEndedSessionsQuery, IReadOnlyList<Guid>>
{
    /// <summary>Ids per query, well below every provider's parameter limit (SQL Server: 2,100).</summary>
    public const int BatchSize = 500;

    public async Task<IReadOnlyList<Guid>> Handle(GetEndedSessionsQuery request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var ended = new List<Guid>();
        foreach (var batch in request.SessionIds.Distinct().Chunk(BatchSize))
        {
            var stored = await refreshTokens.ListAsync(new FamilyIdsAmongSpec(batch), cancellationToken);
            var live = await refreshTokens.ListAsync(new LiveFamilyIdsAmongSpec(batch, now), cancellationToken);
            ended.AddRange(stored.Except(live));
        }

        return ended;
    }
}
