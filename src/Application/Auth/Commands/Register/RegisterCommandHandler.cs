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
        // Hashed before the check, so a taken email costs the same slow hash as a new one: the 409 stays (wire
        // compatibility) but the time does not tell an existing account apart; the Register rate limit bounds the asking.
        var passwordHash = passwordHasher.Hash(request.Password);

        // The unique index on the normalised email is the real guard; this check only gives the common case a clear message.
        if (await users.AnyAsync(new UserByEmailSpec(request.Email), cancellationToken))
        {
            throw new ConflictException("email_taken", "An account with this email already exists.");
        }

        var user = User.Register(request.Email, request.FullName, passwordHash, timeProvider.GetUtcNow().UtcDateTime);
        users.Add(user);
        audit.ActAs(user.Id).Target("user", user.Id).Describe("Registered an account");
        verificationEmail.QueueOnRegister(user);

        return user.Adapt<UserDto>(mapping);
    }
}
