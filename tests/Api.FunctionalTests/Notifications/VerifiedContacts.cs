using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Contacts;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Api.FunctionalTests.Notifications;

/// <summary>
/// For tests about what happens after an address is verified (email and sms go only to verified addresses): the verification
/// done directly through the aggregate with a code the test chose, without a message. <c>ContactVerificationTests</c> covers
/// the real flow over HTTP, with the code read from the mailbox or the fake Twilio.
/// </summary>
internal static class VerifiedContacts
{
    public static async Task VerifyAsync(IServiceProvider services, Guid userId, NotificationChannel channel, string address)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var contact = ContactPoint.Create(userId, channel, address, now);
        contact.IssueCode("424242", now);
        Assert.Equal(ContactConfirmOutcome.Verified, contact.Confirm("424242", now));
        db.Add(contact);
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
