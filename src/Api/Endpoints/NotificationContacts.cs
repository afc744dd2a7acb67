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
        verifications.MapPost("/", StartVerification);
        verifications.MapPost("/confirm", ConfirmVerification);

        var contacts = app.MapApiGroup("notifications/contacts", "Notifications").RequireAuthorization();
        contacts.MapGet("/", ListContacts);
        contacts.MapDelete("/{id:guid}", DeleteContact);
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
