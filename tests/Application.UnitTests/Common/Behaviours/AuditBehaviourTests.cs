using NSubstitute;
using NSubstitute.ExceptionExtensions;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.UnitTests.Support;
using RiskPlatform.Domain.Auditing;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Application.UnitTests.Common.Behaviours;

public sealed class AuditBehaviourTests
{
    private static readonly RenameWidgetCommand Command = new("Blue widget", "owner@example.com");
    private static readonly Guid WidgetId = Guid.Parse("0199a0e0-0000-7000-8000-0000000000aa");

    [Fact]
    public async Task Send_WhenCommandSucceeds_WritesOneSucceededRowDescribingTheRequest()
    {
        await using var host = new PipelineHost();
        host.Script.Takes = TimeSpan.FromMilliseconds(250);
        host.Script.Audit = audit => audit.Target("widget", WidgetId).Describe("Renamed a widget");

        await host.SendAsync(Command, TestContext.Current.CancellationToken);

        var row = Assert.Single(host.AuditRows);
        Assert.Equal(AuditOutcome.Succeeded, row.Outcome);
        Assert.Null(row.ErrorCode);
        Assert.Equal("RenameWidget", row.Action);
        Assert.Equal("widget", row.ResourceType);
        Assert.Equal(WidgetId, row.ResourceId);
        Assert.Equal("Renamed a widget", row.Description);
        Assert.Equal(PipelineHost.SignedInUserId, row.UserId);
        Assert.Equal(PipelineHost.IpAddress, row.IpAddress);
        Assert.Equal(PipelineHost.UserAgent, row.UserAgent);
        Assert.Equal(PipelineHost.TraceId, row.TraceId);
        Assert.Equal(250, row.DurationMs);
        Assert.Equal(host.Time.GetUtcNow().UtcDateTime, row.Timestamp);
        Assert.Equal(DateTimeKind.Utc, row.Timestamp.Kind);
    }

    [Fact]
    public async Task Send_WhenCommandSucceeds_CommitsTheHandlersSaveAndTheRowInOneTransaction()
    {
        await using var host = new PipelineHost();

        await host.SendAsync(Command, TestContext.Current.CancellationToken);

        Assert.Equal(["begin", "handler", "save", "audit-row:Succeeded", "save", "commit", "dispose-transaction"], TransactionEvents(host));
    }

    [Fact]
    public async Task Send_WhenTheCommandEstablishesTheCaller_RecordsTheActingUserInsteadOfTheCurrentUser()
    {
        await using var host = new PipelineHost();
        host.CurrentUser.UserId.Returns((Guid?)null);
        var registered = Guid.CreateVersion7();
        host.Script.Audit = audit => audit.ActAs(registered);

        await host.SendAsync(Command, TestContext.Current.CancellationToken);

        Assert.Equal(registered, Assert.Single(host.AuditRows).UserId);
    }

    [Fact]
    public async Task Send_WhenAnonymousAndNotActingAsAnyone_RecordsNoUser()
    {
        await using var host = new PipelineHost();
        host.CurrentUser.UserId.Returns((Guid?)null);

        await host.SendAsync(Command, TestContext.Current.CancellationToken);

        Assert.Null(Assert.Single(host.AuditRows).UserId);
    }

    [Fact]
    public async Task Send_WhenHandlerMarksTheOutcomeFailed_CommitsTheChangesWithAFailedRow()
    {
        await using var host = new PipelineHost();
        host.Script.Audit = audit => audit.Fail("verification_failed");

        await host.SendAsync(Command, TestContext.Current.CancellationToken);

        var row = Assert.Single(host.AuditRows);
        Assert.Equal((AuditOutcome.Failed, "verification_failed"), (row.Outcome, row.ErrorCode));
        Assert.Equal(["begin", "handler", "save", "audit-row:Failed", "save", "commit", "dispose-transaction"], TransactionEvents(host));
    }

    [Fact]
    public async Task Send_WhenHandlerThrows_RollsBackDiscardsThenSavesAFailedRowAndRethrows()
    {
        await using var host = new PipelineHost();
        var thrown = new DomainException("widget_locked", "The widget is locked.");
        host.Script.Throws = thrown;
        host.Script.Audit = audit => audit.Target("widget", WidgetId);

        var caught = await Assert.ThrowsAsync<DomainException>(() => host.SendAsync(Command, TestContext.Current.CancellationToken));

        Assert.Same(thrown, caught);
        Assert.Equal(["begin", "handler", "rollback", "discard", "begin", "audit-row:Failed", "save", "commit", "dispose-transaction", "dispose-transaction"], TransactionEvents(host));
        var row = Assert.Single(host.AuditRows);
        Assert.Equal((AuditOutcome.Failed, "widget_locked"), (row.Outcome, row.ErrorCode));
        Assert.Equal(("widget", WidgetId), (row.ResourceType, row.ResourceId));
    }

    [Theory]
    [InlineData("not-found", AuditOutcome.Failed, "not_found")]
    [InlineData("not-found-belongs-to-another-user", AuditOutcome.Denied, "not_found")]
    [InlineData("unauthorized", AuditOutcome.Denied, "token_expired")]
    [InlineData("too-many-requests", AuditOutcome.Denied, "too_many_login_attempts")]
    [InlineData("validation", AuditOutcome.Failed, "validation_failed")]
    [InlineData("service-unavailable", AuditOutcome.Failed, "broker_unreachable")]
    [InlineData("conflict", AuditOutcome.Failed, "email_taken")]
    [InlineData("cancelled", AuditOutcome.Failed, "cancelled")]
    [InlineData("bug", AuditOutcome.Failed, "internal_error")]
    public async Task Send_WhenHandlerThrows_ClassifiesTheOutcome(string failure, AuditOutcome outcome, string errorCode)
    {
        await using var host = new PipelineHost();
        host.Script.Throws = failure switch
        {
            "not-found" => new NotFoundException("Widget", WidgetId),
            "not-found-belongs-to-another-user" => new NotFoundException("Widget", WidgetId, belongsToAnotherUser: true),
            "unauthorized" => new UnauthorizedException("token_expired", "Sign in again."),
            "too-many-requests" => new TooManyRequestsException("too_many_login_attempts", "Slow down.", TimeSpan.FromMinutes(1)),
            "validation" => new ValidationException("name", "name is taken by a sibling widget."),
            "service-unavailable" => new ServiceUnavailableException("broker_unreachable", "The broker did not answer."),
            "conflict" => new ConflictException("email_taken", "Taken."),
            "cancelled" => new OperationCanceledException(),
            _ => new InvalidOperationException("bug"),
        };

        var caught = await Assert.ThrowsAnyAsync<Exception>(() => host.SendAsync(Command, TestContext.Current.CancellationToken));

        Assert.Same(host.Script.Throws, caught);
        var row = Assert.Single(host.AuditRows);
        Assert.Equal((outcome, errorCode), (row.Outcome, row.ErrorCode));
        Assert.Contains("rollback", host.Journal.Entries);
        Assert.DoesNotContain("commit", host.Journal.Entries.TakeWhile(e => !e.StartsWith("audit-row:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Send_WhenTheRefusalAsksToPersistItsChanges_SavesAndCommitsTheChangesWithTheDeniedRow()
    {
        await using var host = new PipelineHost();
        host.Script.Throws = new UnauthorizedException("invalid_credentials", "Invalid email or password.", persistChanges: true);

        var caught = await Assert.ThrowsAsync<UnauthorizedException>(() => host.SendAsync(Command, TestContext.Current.CancellationToken));

        Assert.Same(host.Script.Throws, caught);
        Assert.Equal(["begin", "handler", "save", "audit-row:Denied", "save", "commit", "dispose-transaction"], TransactionEvents(host));
        Assert.Equal("invalid_credentials", Assert.Single(host.AuditRows).ErrorCode);
    }

    [Fact]
    public async Task Send_WhenTheSameRefusalDoesNotAskToPersist_RollsBack()
    {
        await using var host = new PipelineHost();
        host.Script.Throws = new UnauthorizedException("invalid_refresh_token", "The refresh token is invalid or expired.");

        await Assert.ThrowsAsync<UnauthorizedException>(() => host.SendAsync(Command, TestContext.Current.CancellationToken));

        Assert.Equal(["begin", "handler", "rollback", "discard", "begin", "audit-row:Denied", "save", "commit", "dispose-transaction", "dispose-transaction"], TransactionEvents(host));
    }

    [Fact]
    public async Task Send_WhenTheFailureRowCannotBeSaved_StillRethrowsTheCommandsExceptionAndLogsTheAuditFailure()
    {
        await using var host = new PipelineHost();
        var thrown = new DomainException("widget_locked", "The widget is locked.");
        host.Script.Throws = thrown;
        host.UnitOfWork.SaveChangesAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("database unreachable"));

        var caught = await Assert.ThrowsAsync<DomainException>(() => host.SendAsync(Command, TestContext.Current.CancellationToken));

        Assert.Same(thrown, caught);
        host.UnitOfWork.Received(2).DiscardChanges();
        Assert.Contains(host.Journal.Logs, log => log.Category == "AuditWriter" && log.Level == Microsoft.Extensions.Logging.LogLevel.Error
            && log.Exception?.Message == "database unreachable");
    }

    [Fact]
    public async Task Send_WhenTheDatabaseIsGoneForTheRollbackAndTheFailureRowToo_RethrowsTheCommandsExceptionAndLogsBoth()
    {
        await using var host = new PipelineHost();
        var thrown = new ServiceUnavailableException("database_unavailable", "The database cannot be reached.");
        host.Script.Throws = thrown;
        host.Transaction.RollbackFailure = new InvalidOperationException("connection is broken");
        host.UnitOfWork.SaveChangesAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("database unreachable"));

        var caught = await Assert.ThrowsAsync<ServiceUnavailableException>(() => host.SendAsync(Command, TestContext.Current.CancellationToken));

        Assert.Same(thrown, caught);
        Assert.Contains(host.Journal.Logs, log => log.Level == Microsoft.Extensions.Logging.LogLevel.Warning && log.Exception?.Message == "connection is broken");
        Assert.Contains(host.Journal.Logs, log => log.Category == "AuditWriter" && log.Exception?.Message == "database unreachable");
    }

    [Fact]
    public async Task Send_WhenRequestIsAQuery_NeitherAuditsNorOpensATransactionNorSaves()
    {
        await using var host = new PipelineHost();

        var response = await host.SendAsync(new GetWidgetQuery(WidgetId), TestContext.Current.CancellationToken);

        Assert.Equal($"widget {WidgetId}", response);
        Assert.Equal(["handler"], TransactionEvents(host));
        Assert.Empty(host.AuditRows);
        Assert.Empty(host.UnitOfWork.ReceivedCalls());
    }

    [Theory]
    [InlineData("not-found")]
    [InlineData("conflict")]
    [InlineData("bug")]
    public async Task Send_WhenQueryFailsOtherThanByDenial_WritesNoAuditRow(string failure)
    {
        await using var host = new PipelineHost();
        host.Script.Throws = failure switch
        {
            "not-found" => new NotFoundException("Widget", WidgetId),
            "conflict" => new ConflictException("widget_locked", "Locked."),
            _ => new InvalidOperationException("bug"),
        };

        await Assert.ThrowsAnyAsync<Exception>(() => host.SendAsync(new GetWidgetQuery(WidgetId), TestContext.Current.CancellationToken));

        Assert.Empty(host.AuditRows);
        Assert.Empty(host.UnitOfWork.ReceivedCalls());
    }

    [Fact]
    public async Task Send_WhenQueryReachesAnotherUsersResource_SavesOneDeniedRowAloneAndRethrows()
    {
        await using var host = new PipelineHost();
        var thrown = new NotFoundException("Widget", WidgetId, belongsToAnotherUser: true);
        host.Script.Throws = thrown;
        host.Script.Takes = TimeSpan.FromMilliseconds(30);

        var caught = await Assert.ThrowsAsync<NotFoundException>(() => host.SendAsync(new GetWidgetQuery(WidgetId), TestContext.Current.CancellationToken));

        Assert.Same(thrown, caught);
        Assert.Equal(["handler", "begin", "audit-row:Denied", "save", "commit", "dispose-transaction"], TransactionEvents(host));
        var row = Assert.Single(host.AuditRows);
        Assert.Equal((AuditOutcome.Denied, "not_found", "GetWidget"), (row.Outcome, row.ErrorCode, row.Action));
        Assert.Equal((PipelineHost.SignedInUserId, PipelineHost.IpAddress, PipelineHost.UserAgent), (row.UserId, row.IpAddress, row.UserAgent));
        Assert.Equal(30, row.DurationMs);
    }

    /// <summary>The journal without the loggers and validators: only the handler, the rows and the unit of work.</summary>
    private static List<string> TransactionEvents(PipelineHost host) => host.Journal.Entries
        .Where(e => !e.StartsWith("scope-", StringComparison.Ordinal) && !e.StartsWith("log:", StringComparison.Ordinal)
            && !e.StartsWith("validator:", StringComparison.Ordinal))
        .ToList();
}
