using MediatR;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application.Notifications.Commands.RecordSmsStatus;

namespace RiskPlatform.Api.Endpoints;

/// <summary>
/// <c>POST /api/v1/notifications/sms/status</c>: Twilio's message status callbacks. Anonymous (Twilio has no token); the
/// command refuses anything not signed with our Twilio auth token (<c>X-Twilio-Signature</c>).
/// </summary>
internal sealed class SmsStatusCallbacks : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("notifications/sms", "Notifications").AllowAnonymous();
        group.MapPost("/status", RecordSmsStatus)
            .WithSummary("Twilio's delivery status callback for a text message")
            .WithDescription("Called by Twilio, not by clients: the request must carry a valid X-Twilio-Signature (403 otherwise). Updates the delivery's status.");
    }

    public static async Task<NoContent> RecordSmsStatus(HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        var parameters = form.ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.Ordinal);
        await mediator.Send(
            new RecordSmsStatusCommand(request.GetEncodedUrl(), parameters, request.Headers["X-Twilio-Signature"].FirstOrDefault()),
            cancellationToken);
        return TypedResults.NoContent();
    }
}
