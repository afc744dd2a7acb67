using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Auth.Queries.GetEndedSessions;

/// <summary>
/// Which of these sign-ins (refresh-token families, the access token's <c>sid</c>) have ended: every token of the family is
/// revoked (logout, logout everywhere, a replayed token) or the family is past its absolute end. A family with no stored
/// token (never stored, or purged long after it ended) is not reported: its connections close when their access token
/// expires, as they always did. A node asks this for the sign-ins of its open hub connections, so that an end it did not
/// hear about on the backplane still closes them.
/// </summary>
public sealed record GetEndedSessionsQuery(IReadOnlyCollection<Guid> SessionIds) : IQuery<IReadOnlyList<Guid>>;
