using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications.Contacts;

namespace RiskPlatform.Application.Notifications.Commands.DeleteContact;

internal sealed class DeleteContactCommandHandler(
    IRepository<ContactPoint> contacts,
    ICurrentUser currentUser,
    AuditScope audit) : IRequestHandler<DeleteContactCommand, Unit>
{
    public async Task<Unit> Handle(DeleteContactCommand request, CancellationToken cancellationToken)
    {
        audit.Target("notification_contact", request.Id).Describe("Removed a contact point");
        var contact = await contacts.FirstOrDefaultAsync(new ContactPointByIdSpec(request.Id), cancellationToken)
            ?? throw new NotFoundException("Contact", request.Id);
        if (contact.UserId != currentUser.RequireUserId())
        {
            throw new NotFoundException("Contact", request.Id, belongsToAnotherUser: true);
        }

        contacts.Remove(contact);
        return Unit.Value;
    }
}
