using RiskPlatform.Application.Auth.Commands.ChangeUserRole;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.UnitTests.Support;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.UnitTests.Auth;

public sealed class ChangeUserRoleCommandHandlerTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(UserRole.User, UserRole.Admin, "Operator set the role to admin")]
    [InlineData(UserRole.Admin, UserRole.User, "Operator set the role to user")]
    [InlineData(UserRole.Admin, UserRole.Admin, "Operator set the role to admin; it already was")]
    public async Task Handle_WhenTheAccountExists_SetsTheRoleAndDescribesItForTheAudit(UserRole before, UserRole requested, string description)
    {
        var fixture = new AuthFixture();
        var user = fixture.AddUser("ann@example.com");
        user.AssignRole(before);

        var dto = await fixture.ChangeUserRoleHandler().Handle(new ChangeUserRoleCommand(" ANN@example.com ", requested), Cancellation);

        Assert.Equal((requested, requested), (user.Role, dto.Role));
        Assert.Equal(("user", user.Id, description), (fixture.Audit.ResourceType, fixture.Audit.ResourceId, fixture.Audit.Description));
    }

    [Fact]
    public async Task Handle_WhenNoAccountHasTheEmail_ThrowsNotFound()
    {
        var fixture = new AuthFixture();
        fixture.AddUser("ann@example.com");

        await Assert.ThrowsAsync<NotFoundException>(
            () => fixture.ChangeUserRoleHandler().Handle(new ChangeUserRoleCommand("bob@example.com", UserRole.Admin), Cancellation));
        Assert.All(fixture.Users, u => Assert.Equal(UserRole.User, u.Role));
    }
}
