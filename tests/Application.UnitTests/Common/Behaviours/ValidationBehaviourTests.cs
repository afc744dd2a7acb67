using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using RiskPlatform.Application.Auth.Commands.Register;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.UnitTests.Support;
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
    public async Task Send_WhenValidationFails_NeitherRunsTheHandlerNorOpensATransactionNorAudits()
    {
        await using var host = new PipelineHost();

        await Assert.ThrowsAsync<ValidationException>(
            () => host.SendAsync(new RenameWidgetCommand(FullName: "", ContactEmail: "owner@example.com"), TestContext.Current.CancellationToken));

        Assert.Contains("validator:RenameWidgetContactValidator", host.Journal.Entries);
        Assert.DoesNotContain("handler", host.Journal.Entries);
        Assert.DoesNotContain("begin", host.Journal.Entries);
        Assert.Empty(host.AuditRows);
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
        await using var host = new PipelineHost(services =>
        {
            services.AddScoped(_ => users);
            services.AddSingleton(hasher);
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
