using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Application.Notifications.Queries.ListContacts;

/// <summary>The caller's verified contact points, oldest first.</summary>
public sealed record ListContactsQuery : IQuery<IReadOnlyList<ContactDto>>;
