using Mapster;
using MediatR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications.Contacts;

namespace RiskPlatform.Application.Notifications.Queries.ListContacts;

internal sealed class ListContactsQueryHandler(IReadRepository<ContactPoint> contacts, ICurrentUser currentUser, TypeAdapterConfig mapping)
    : IRequestHandler<ListContactsQuery, IReadOnlyList<ContactDto>>
{
    public async Task<IReadOnlyList<ContactDto>> Handle(ListContactsQuery request, CancellationToken cancellationToken)
    {
        var rows = await contacts.ListAsync(new ContactPointsOfUserSpec(currentUser.RequireUserId()), cancellationToken);
        return [.. rows.Select(c => c.Adapt<ContactDto>(mapping))];
    }
}
