using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Email;
using RiskPlatform.Infrastructure.Email;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Infrastructure.IntegrationTests.Email;

/// <summary>The SMTP adapter against a real SMTP server (aiosmtpd).</summary>
public sealed class MailKitEmailSenderTests
{
    private const string From = "RiskPlatform <alerts@riskplatform.test>";

    [Fact]
    public async Task SendAsync_WhenTheServerAccepts_DeliversRecipientSubjectBodiesAndMessageId()
    {
        await using var server = await StartServerAsync(SmtpTestHandler.Mailbox);
        var message = new EmailMessage(
            "trader@example.com",
            "[URGENT] Risk rule breached: Daily loss 5 % — café",
            "Risk rule breached\n\nDaily loss reached 5 %.\nCafé trader.\n",
            "<!DOCTYPE html>\n<html><body><h1>Risk rule breached</h1><p>Daily loss reached 5 % &amp; café.</p></body></html>\n",
            "0193a1b2-0000-7000-8000-000000000001@riskplatform");

        var result = await Sender(server.Port).SendAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal(EmailSendResult.Sent, result);
        var received = Assert.Single(await server.WaitForMessagesAsync(1));
        Assert.Equal("trader@example.com", Assert.Single(received.To.Mailboxes).Address);
        Assert.Equal("trader@example.com", received.Headers["X-RcptTo"]);
        Assert.Equal("alerts@riskplatform.test", Assert.Single(received.From.Mailboxes).Address);
        Assert.Equal(message.Subject, received.Subject);
        Assert.Equal(message.Text, received.TextBody!.ReplaceLineEndings("\n"));
        Assert.Equal(message.Html, received.HtmlBody!.ReplaceLineEndings("\n"));
        Assert.Equal(message.MessageId, received.MessageId);
        Assert.Equal("<0193a1b2-0000-7000-8000-000000000001@riskplatform>", received.Headers["Message-ID"]!.Trim());
    }

    [Theory]
    [InlineData(SmtpTestHandler.PermanentReject, EmailSendOutcome.PermanentFailure, "550")]
    [InlineData(SmtpTestHandler.TransientReject, EmailSendOutcome.TransientFailure, "451")]
    public async Task SendAsync_WhenTheServerRefusesTheRecipient_ClassifiesByReplyCode(SmtpTestHandler handler, EmailSendOutcome expected, string code)
    {
        await using var server = await StartServerAsync(handler);

        var result = await Sender(server.Port).SendAsync(Message(), TestContext.Current.CancellationToken);

        Assert.Equal(expected, result.Outcome);
        Assert.Contains(code, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WhenNothingListens_ReturnsTransientFailure()
    {
        var result = await Sender(SmtpTestServer.FreePort()).SendAsync(Message(), TestContext.Current.CancellationToken);

        Assert.Equal(EmailSendOutcome.TransientFailure, result.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("")]
    public async Task SendAsync_WhenTheRecipientIsInvalid_ReturnsPermanentFailureWithoutConnecting(string recipient)
    {
        var result = await Sender(SmtpTestServer.FreePort()).SendAsync(Message() with { To = recipient }, TestContext.Current.CancellationToken);

        Assert.Equal(EmailSendOutcome.PermanentFailure, result.Outcome);
    }

    [Fact]
    public async Task SendAsync_WhenCredentialsAreSetButTheServerOffersNoAuth_ReturnsTransientFailureWithoutThePassword()
    {
        await using var server = await StartServerAsync(SmtpTestHandler.Mailbox);
        var options = new SmtpOptions
        {
            Host = server.Host, Port = server.Port, Security = SmtpSecurity.None, From = From,
            Username = "mailer", Password = "s3cret-smtp-password",
        };

        var logger = new CapturingLogger<MailKitEmailSender>();

        var result = await new MailKitEmailSender(Options.Create(options), TimeProvider.System, logger)
            .SendAsync(Message(), TestContext.Current.CancellationToken);

        Assert.Equal(EmailSendOutcome.TransientFailure, result.Outcome);
        Assert.DoesNotContain("s3cret-smtp-password", result.Error, StringComparison.Ordinal);
        Assert.NotEmpty(logger.Lines);
        Assert.DoesNotContain(logger.Lines, line => line.Contains("s3cret-smtp-password", StringComparison.Ordinal));
        Assert.Empty(server.Messages());
    }

    [Fact]
    public async Task SendAsync_ForConsecutiveMessages_ReusesOneOpenConnection()
    {
        await using var server = ScriptedSmtpServer.Start();
        using var sender = Sender(server.Port);
        var messages = Enumerable.Range(0, 5).Select(_ => Message()).ToList();

        foreach (var message in messages)
        {
            Assert.Equal(EmailSendResult.Sent, await sender.SendAsync(message, TestContext.Current.CancellationToken));
        }

        Assert.Equal(1, server.Connections);
        Assert.Equal(messages.Select(m => m.MessageId), server.MessageIds);
    }

    [Fact]
    public async Task SendAsync_WhenTheServerClosedTheReusedConnection_SendsOnANewOneOnceWithoutAFailure()
    {
        await using var server = ScriptedSmtpServer.Start(hangUpAfterEachMessage: true);
        using var sender = Sender(server.Port);
        var messages = Enumerable.Range(0, 3).Select(_ => Message()).ToList();

        foreach (var message in messages)
        {
            Assert.Equal(EmailSendResult.Sent, await sender.SendAsync(message, TestContext.Current.CancellationToken));
        }

        Assert.Equal(messages.Select(m => m.MessageId), server.MessageIds);
        Assert.Equal(3, server.Connections);
    }

    [Fact]
    public async Task SendAsync_ManyAtOnce_UsesAtMostMaxConnectionsAndSendsEachOnce()
    {
        await using var server = ScriptedSmtpServer.Start();
        using var sender = new MailKitEmailSender(
            Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None, From = From, MaxConnections = 2 }),
            TimeProvider.System,
            NullLogger<MailKitEmailSender>.Instance);
        var messages = Enumerable.Range(0, 20).Select(_ => Message()).ToList();

        var results = await Task.WhenAll(messages.Select(m => sender.SendAsync(m, TestContext.Current.CancellationToken)));

        Assert.All(results, r => Assert.Equal(EmailSendResult.Sent, r));
        Assert.Equal(messages.Select(m => m.MessageId).Order(), server.MessageIds.Order());
        Assert.InRange(server.Connections, 1, 2);
        Assert.InRange(server.MostOpenAtOnce, 1, 2);
    }

    [Fact]
    public async Task SendAsync_WithoutAnIdleTimeout_ClosesEachConnectionAfterItsMessage()
    {
        await using var server = ScriptedSmtpServer.Start();
        using var sender = new MailKitEmailSender(
            Options.Create(new SmtpOptions
            {
                Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None, From = From, ConnectionIdleTimeout = TimeSpan.Zero,
            }),
            TimeProvider.System,
            NullLogger<MailKitEmailSender>.Instance);

        Assert.Equal(EmailSendResult.Sent, await sender.SendAsync(Message(), TestContext.Current.CancellationToken));
        Assert.Equal(EmailSendResult.Sent, await sender.SendAsync(Message(), TestContext.Current.CancellationToken));

        Assert.Equal(2, server.Connections);
    }

    private static EmailMessage Message() =>
        new("trader@example.com", "Subject", "Text", "<p>Html</p>", $"{Guid.CreateVersion7()}@riskplatform");

    private static MailKitEmailSender Sender(int port) => new(
        Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, From = From, Timeout = TimeSpan.FromSeconds(10) }),
        TimeProvider.System,
        NullLogger<MailKitEmailSender>.Instance);

    private static async Task<SmtpTestServer> StartServerAsync(SmtpTestHandler handler)
    {
        if (SmtpTestServer.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        return await SmtpTestServer.StartAsync(handler);
    }
}
