using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application.Notifications.Commands.ConfirmContactVerification;
using RiskPlatform.Application.Notifications.Commands.DeleteContact;
using RiskPlatform.Application.Notifications.Commands.StartContactVerification;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Queries.ListContacts;

namespace RiskPlatform.Api.Endpoints;

/// <summary>
/// Verified contact points: <c>/api/v1/notifications/contact-verifications</c> sends a code to an email address or phone
/// number and confirms it; <c>/api/v1/notifications/contacts</c> lists (and forgets) the verified ones. Email and sms
/// notifications go only to verified addresses.
/// </summary>
internal sealed class NotificationContacts : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var verifications = app.MapApiGroup("notifications/contact-verifications", "Notifications").RequireAuthorization();
        verifications.MapPost("/", StartVerification)
            .WithSummary("Send a verification code to an email address or phone number")
            .WithDescription("A contact must be verified before notifications go to it. 202 when a code was sent; 200 when the contact is already verified.");
        verifications.MapPost("/confirm", ConfirmVerification)
            .WithSummary("Confirm a contact with the code sent to it")
            .WithDescription("The contact becomes verified and usable by notification preferences. 400 for a wrong or expired code.");

        var contacts = app.MapApiGroup("notifications/contacts", "Notifications").RequireAuthorization();
        contacts.MapGet("/", ListContacts)
            .WithSummary("The caller's notification contacts")
            .WithDescription("Email addresses and phone numbers with their verification state.");
        contacts.MapDelete("/{id:guid}", DeleteContact)
            .WithSummary("Remove a notification contact")
            .WithDescription("Preferences that used it stop delivering to it.");
    }

    /// <summary>202 when a code was sent; 200 when the address is already verified (nothing sent).</summary>
    public static async Task<Results<Accepted<ContactVerificationDto>, Ok<ContactVerificationDto>>> StartVerification(
        StartContactVerificationCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(command, cancellationToken);
        return result.Status == "verified" ? TypedResults.Ok(result) : TypedResults.Accepted((string?)null, result);
    }

    public static async Task<Ok<ContactDto>> ConfirmVerification(ConfirmContactVerificationCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));

    public static async Task<Ok<IReadOnlyList<ContactDto>>> ListContacts(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListContactsQuery(), cancellationToken));

    public static async Task<NoContent> DeleteContact(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteContactCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }
}
