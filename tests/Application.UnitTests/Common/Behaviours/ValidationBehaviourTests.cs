using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using RiskPlatform.Application.Auth.Commands.Register;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.UnitTests.Support;
using RiskPlatform.Domain.Auditing;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.UnitTests.Common.Behaviours;

public sealed class ValidationBehaviourTests
{
    [Fact]
    public async Task Send_WhenBothValidatorsFail_ThrowsOneValidationExceptionWithEveryFieldInSnakeCase()
    {
        await using var host = new PipelineHost();

        var exception = await Assert.ThrowsAsync<ValidationException>(
            () => host.SendAsync(new RenameWidgetCommand(FullName: "", ContactEmail: ""), TestContext.Current.CancellationToken));

        Assert.Equal(["contact_email", "full_name"], exception.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(exception.Errors.Values, messages => Assert.NotEmpty(messages));
    }

    [Fact]
    public async Task Send_WhenValidationFails_NeitherRunsTheHandlerNorOpensItsTransaction_ButSavesOneFailedRowInATransactionOfItsOwn()
    {
        await using var host = new PipelineHost();

        await Assert.ThrowsAsync<ValidationException>(
            () => host.SendAsync(new RenameWidgetCommand(FullName: "", ContactEmail: "owner@example.com"), TestContext.Current.CancellationToken));

        Assert.Contains("validator:RenameWidgetContactValidator", host.Journal.Entries);
        Assert.DoesNotContain("handler", host.Journal.Entries);
        Assert.Equal(
            ["begin", "audit-row:Failed", "save", "commit", "dispose-transaction"],
            host.Journal.Entries.SkipWhile(e => e != "begin").Where(e => e is "begin" or "save" or "commit" or "dispose-transaction" || e.StartsWith("audit-row:", StringComparison.Ordinal)));
        var row = Assert.Single(host.AuditRows);
        Assert.Equal((AuditOutcome.Failed, "validation_failed", "RenameWidget"), (row.Outcome, row.ErrorCode, row.Action));
        Assert.Equal((PipelineHost.SignedInUserId, PipelineHost.IpAddress, PipelineHost.TraceId), (row.UserId, row.IpAddress, row.TraceId));
        Assert.Equal("Rejected fields: full_name", row.Description);
    }

    [Fact]
    public async Task Send_WhenValidationFails_TheRowNamesTheFieldsButNeverTheirValuesOrMessages()
    {
        await using var host = new PipelineHost();
        const string canary = "canary-7f3a9-not-an-email";

        var exception = await Assert.ThrowsAsync<ValidationException>(
            () => host.SendAsync(new RenameWidgetCommand(FullName: "", ContactEmail: canary), TestContext.Current.CancellationToken));

        var row = Assert.Single(host.AuditRows);
        Assert.Equal("Rejected fields: contact_email, full_name", row.Description);
        Assert.DoesNotContain(canary, row.Description, StringComparison.Ordinal);
        Assert.All(exception.Errors.Values.SelectMany(m => m), message => Assert.DoesNotContain(message, row.Description, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_WhenTheAuditRowCannotBeSaved_StillRejectsWithTheValidationErrorAndLogsTheLoss()
    {
        await using var host = new PipelineHost();
        host.UnitOfWork.SaveChangesAsync(TestContext.Current.CancellationToken).ReturnsForAnyArgs(Task.FromException(new InvalidOperationException("database down")));

        await Assert.ThrowsAsync<ValidationException>(
            () => host.SendAsync(new RenameWidgetCommand(FullName: "", ContactEmail: "owner@example.com"), TestContext.Current.CancellationToken));

        Assert.Contains("discard", host.Journal.Entries);
        Assert.Contains(host.Journal.Logs, log => log is { Category: "AuditWriter", Level: Microsoft.Extensions.Logging.LogLevel.Error });
    }

    [Fact]
    public async Task Send_WhenValid_RunsTheHandler()
    {
        await using var host = new PipelineHost();

        var response = await host.SendAsync(new RenameWidgetCommand("Blue widget", "owner@example.com"), TestContext.Current.CancellationToken);

        Assert.Equal("renamed to Blue widget", response);
    }

    [Fact]
    public async Task Send_WhenRegisterCommandIsInvalid_ReportsTheWireFieldNamesAndNeverHashesOrAdds()
    {
        var users = Substitute.For<IRepository<User>>();
        var hasher = Substitute.For<IPasswordHasher>();
        var commonPasswords = Substitute.For<ICommonPasswords>();
        commonPasswords.Contains("password").Returns(true);
        await using var host = new PipelineHost(services =>
        {
            services.AddScoped(_ => users);
            services.AddSingleton(hasher);
            services.AddSingleton(commonPasswords);
        });

        var exception = await Assert.ThrowsAsync<ValidationException>(
            () => host.SendAsync(new RegisterCommand("not-an-email", "password", FullName: " "), TestContext.Current.CancellationToken));

        Assert.Equal(["email", "full_name", "password"], exception.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(exception.Errors["full_name"], message => message.Contains("full_name", StringComparison.Ordinal));
        hasher.DidNotReceiveWithAnyArgs().Hash(default!);
        users.DidNotReceiveWithAnyArgs().Add(default!);
    }

    [Theory]
    [InlineData("FullName", "full_name")]
    [InlineData("Params.WindowSeconds", "params.window_seconds")]
    [InlineData("Symbols[0]", "symbols[0]")]
    [InlineData("Legs[2].StopLoss", "legs[2].stop_loss")]
    [InlineData("", "")]
    public void WireName_FromPropertyPath_GivesTheJsonFieldName(string propertyPath, string expected) =>
        Assert.Equal(expected, WireName.FromPropertyPath(propertyPath));
}
