using Mapster;
using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications.Contacts;

namespace RiskPlatform.Application.Notifications.Commands.ConfirmContactVerification;

/// <summary>
/// A wrong, expired or burned code is a 422 whose side effect stands (the wrong guess counted, the dead code cleared): the
/// refusal persists its changes. An address with no verification under way is a 404.
/// </summary>
internal sealed class ConfirmContactVerificationCommandHandler(
    IRepository<ContactPoint> contacts,
    ICurrentUser currentUser,
    AuditScope audit,
    TypeAdapterConfig mapping,
    TimeProvider timeProvider) : IRequestHandler<ConfirmContactVerificationCommand, ContactDto>
{
    public async Task<ContactDto> Handle(ConfirmContactVerificationCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var channel = request.Channel!.Value;
        var address = ContactPoint.Normalize(channel, request.Address) ?? throw new NotFoundException("ContactVerification", request.Address ?? string.Empty);
        var contact = await contacts.FirstOrDefaultAsync(new ContactPointByAddressSpec(userId, channel, address), cancellationToken)
            ?? throw new NotFoundException("ContactVerification", address);
        audit.Target("notification_contact", contact.Id);

        var outcome = contact.Confirm(request.Code, timeProvider.GetUtcNow().UtcDateTime);
        switch (outcome)
        {
            case ContactConfirmOutcome.Verified:
                audit.Describe("Verified a contact point");
                break;
            case ContactConfirmOutcome.AlreadyVerified:
                audit.Unremarkable();
                break;
            case ContactConfirmOutcome.Wrong:
                throw Refused("contact_verification.code_invalid", "The code is not valid.", $"The code is not valid; {contact.AttemptsLeft} attempts left.", contact);
            case ContactConfirmOutcome.TooManyAttempts:
                throw Refused("contact_verification.too_many_attempts", "Too many wrong codes.", "Too many wrong codes: this code no longer works; ask for a new one.", contact);
            case ContactConfirmOutcome.Expired:
                throw Refused("contact_verification.code_expired", "The code expired.", "The code expired; ask for a new one.", contact);
            default:
                throw Refused("contact_verification.no_code", "No code is outstanding.", "No code is waiting for this address; ask for one first.", contact);
        }

        return contact.Adapt<ContactDto>(mapping);
    }

    private static RefusedException Refused(string code, string title, string message, ContactPoint contact) =>
        new(code, title, message, new Dictionary<string, object?> { ["attempts_left"] = contact.CodeHash is null ? 0 : contact.AttemptsLeft }, persistChanges: true);
}
