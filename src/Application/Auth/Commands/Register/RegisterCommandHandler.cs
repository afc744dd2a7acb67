using Mapster;
using MediatR;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Commands.Register;

internal sealed class RegisterCommandHandler(
    IRepository<User> users,
    IPasswordHasher passwordHasher,
    VerificationEmail verificationEmail,
    AuditScope audit,
    TypeAdapterConfig mapping,
    TimeProvider timeProvider) : IRequestHandler<RegisterCommand, UserDto>
{
    public async Task<UserDto> Handle(RegisterCommand request, CancellationToken cancellationToken)
    {
        // The unique index on the normalised email is the real guard; this check only gives the common case a clear message.
        if (await users.AnyAsync(new UserByEmailSpec(request.Email), cancellationToken))
        {
            throw new ConflictException("email_taken", "An account with this email already exists.");
        }

        var user = User.Register(request.Email, request.FullName, passwordHasher.Hash(request.Password), timeProvider.GetUtcNow().UtcDateTime);
        users.Add(user);
        audit.ActAs(user.Id).Target("user", user.Id).Describe("Registered an account");
        verificationEmail.QueueOnRegister(user);

        return user.Adapt<UserDto>(mapping);
    }
}
