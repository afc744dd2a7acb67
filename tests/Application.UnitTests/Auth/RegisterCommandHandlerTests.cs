using NSubstitute;
using RiskPlatform.Application.Auth.Commands.Register;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.UnitTests.Support;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.UnitTests.Auth;

public sealed class RegisterCommandHandlerTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenEmailIsNew_CreatesAnActiveUnverifiedUserWithAHashedPassword()
    {
        var fixture = new AuthFixture();

        var dto = await fixture.RegisterHandler().Handle(new RegisterCommand(" Ann@Example.com ", "long enough secret", " Ann Example "), Cancellation);

        var user = Assert.Single(fixture.Users);
        Assert.Equal(("Ann@Example.com", "ANN@EXAMPLE.COM", "Ann Example"), (user.Email, user.NormalizedEmail, user.FullName));
        Assert.Equal("hash:long enough secret", user.PasswordHash);
        Assert.Equal(
            new UserDto(user.Id, "Ann@Example.com", "Ann Example", UserRole.User, IsActive: true, IsVerified: false, fixture.Now, LastLogin: null),
            dto);
    }

    [Fact]
    public async Task Handle_WhenEmailIsNew_AuditsAsTheNewUser()
    {
        var fixture = new AuthFixture();

        var dto = await fixture.RegisterHandler().Handle(new RegisterCommand("ann@example.com", "long enough secret", "Ann"), Cancellation);

        Assert.Equal((dto.Id, "user", dto.Id), (fixture.Audit.ActingUserId, fixture.Audit.ResourceType, fixture.Audit.ResourceId));
    }

    [Fact]
    public async Task Handle_WhenEmailIsTakenInAnotherCase_HashesLikeANewEmailThenThrowsConflictWithoutAdding()
    {
        var fixture = new AuthFixture();
        fixture.AddUser("ann@example.com");

        var exception = await Assert.ThrowsAsync<ConflictException>(
            () => fixture.RegisterHandler().Handle(new RegisterCommand("  ANN@example.COM", "long enough secret", "Ann"), Cancellation));

        Assert.Equal("email_taken", exception.Code);
        Assert.Single(fixture.Users);
        fixture.PasswordHasher.Received(1).Hash("long enough secret"); // the same slow work as for a new email
    }
}
