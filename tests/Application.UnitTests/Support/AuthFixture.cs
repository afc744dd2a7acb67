using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using RiskPlatform.Application.Auth.Commands.ChangeUserRole;
using RiskPlatform.Application.Auth.Commands.Login;
using RiskPlatform.Application.Auth.Commands.RefreshAccessToken;
using RiskPlatform.Application.Auth.Commands.Register;
using RiskPlatform.Application.Auth.Commands.VerifyMfa;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Authentication;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.UnitTests.Support;

/// <summary>In-memory stores, a predictable hasher and token service, a fixed request origin and a fake clock for the auth handlers.</summary>
public sealed class AuthFixture
{
    public const string IpAddress = "198.51.100.23";
    public const string Password = "correct horse battery";

    public AuthFixture()
    {
        UserRepository = InMemoryRepository.Of(Users).Projecting<User, UserDto>(Users);
        LoginAttemptRepository = InMemoryRepository.Of(LoginAttempts);
        RefreshTokenRepository = InMemoryRepository.Of(RefreshTokens);
        AuthenticatorRepository = InMemoryRepository.Of(Authenticators);

        PasswordHasher.Hash(Arg.Any<string>()).Returns(call => "hash:" + call.Arg<string>());
        PasswordHasher.Verify(Arg.Any<string?>(), Arg.Any<string>())
            .Returns(call => call.ArgAt<string?>(0) == "hash:" + call.ArgAt<string>(1) ? VerifyOutcome : PasswordCheck.Failed);

        var issued = 0;
        Tokens.AccessTokenLifetime.Returns(TimeSpan.FromMinutes(15));
        Tokens.RefreshTokenLifetime.Returns(TimeSpan.FromDays(30));
        Tokens.SessionLifetime.Returns(TimeSpan.FromDays(45));
        Tokens.CreateAccessToken(Arg.Any<Guid>(), Arg.Any<string>(), Arg.Any<string>(), Arg.Any<Guid>())
            .Returns(call => $"access:{call.ArgAt<Guid>(0)}:{call.ArgAt<string>(1)}:{call.ArgAt<string>(2)}");
        Tokens.CreateRefreshToken().Returns(_ =>
        {
            issued++;
            return ($"refresh-{issued}", HashOf($"refresh-{issued}"));
        });
        Tokens.HashRefreshToken(Arg.Any<string>()).Returns(call => HashOf(call.Arg<string>()));

        Tokens.MfaChallengeLifetime.Returns(TimeSpan.FromMinutes(5));
        Tokens.CreateMfaChallenge(Arg.Any<Guid>()).Returns(call => $"challenge:{call.Arg<Guid>()}");
        Tokens.ReadMfaChallenge(Arg.Any<string>()).Returns(call =>
            call.Arg<string>().StartsWith("challenge:", StringComparison.Ordinal) ? Guid.Parse(call.Arg<string>()["challenge:".Length..]) : null);

        RequestContext.IpAddress.Returns(IpAddress);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero));

    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    public List<User> Users { get; } = [];

    public List<LoginAttempt> LoginAttempts { get; } = [];

    public List<RefreshToken> RefreshTokens { get; } = [];

    public List<TotpAuthenticator> Authenticators { get; } = [];

    public IRepository<TotpAuthenticator> AuthenticatorRepository { get; }

    /// <summary>TOTP: the sealed secret is the text "sealed:{user id}", and code "123456" matches time step 1000.</summary>
    public ITotp Totp { get; } = FakeTotp();

    public IRepository<User> UserRepository { get; }

    public IRepository<LoginAttempt> LoginAttemptRepository { get; }

    public IRepository<RefreshToken> RefreshTokenRepository { get; }

    public IPasswordHasher PasswordHasher { get; } = Substitute.For<IPasswordHasher>();

    /// <summary>What a matching password verifies as (set to <see cref="PasswordCheck.SucceededRehashNeeded"/> to test rehashing).</summary>
    public PasswordCheck VerifyOutcome { get; set; } = PasswordCheck.Succeeded;

    public ITokenService Tokens { get; } = Substitute.For<ITokenService>();

    /// <summary>The hub connections of ended sign-ins: what a command asked to close.</summary>
    public ISessionConnections SessionConnections { get; } = Substitute.For<ISessionConnections>();

    public IRequestContext RequestContext { get; } = Substitute.For<IRequestContext>();

    public AuditScope Audit { get; } = new();

    /// <summary>Mail is not configured: registering sends no verification link.</summary>
    public IEmailAvailability EmailAvailability { get; } = Substitute.For<IEmailAvailability>();

    public IKeyedTransactionLock TransactionLock { get; } = Substitute.For<IKeyedTransactionLock>();

    public static string HashOf(string refreshToken) => $"sha256({refreshToken})";

    public User AddUser(string email = "ann@example.com", string password = Password)
    {
        var user = User.Register(email, "Ann Example", "hash:" + password, Now.AddDays(-30));
        Users.Add(user);
        return user;
    }

    public RefreshToken AddRefreshToken(User user, string token, Guid familyId, DateTime? issuedAt = null)
    {
        var refreshToken = RefreshToken.StartSession(user.Id, familyId, HashOf(token), issuedAt ?? Now.AddHours(-1), Tokens.RefreshTokenLifetime, Tokens.SessionLifetime);
        RefreshTokens.Add(refreshToken);
        return refreshToken;
    }

    public void AddFailedLogins(int count, string email, string? ipAddress, TimeSpan firstAgo, TimeSpan spacing)
    {
        for (var i = 0; i < count; i++)
        {
            LoginAttempts.Add(LoginAttempt.Failed(User.Normalize(email), ipAddress, Now - firstAgo + (spacing * i)));
        }
    }

    internal SignInThrottle Throttle() => new(LoginAttemptRepository, RequestContext, TransactionLock, Audit);

    internal SessionStarter Sessions() => new(RefreshTokenRepository, Tokens, Audit);

    internal LoginCommandHandler LoginHandler() =>
        new(UserRepository, AuthenticatorRepository, PasswordHasher, Tokens, Throttle(), Sessions(), Audit, Time);

    internal VerifyMfaCommandHandler VerifyMfaHandler() =>
        new(UserRepository, AuthenticatorRepository, Tokens, Throttle(), new MfaCodeCheck(Totp), Sessions(), Audit, Time);

    /// <summary>An authenticator enabled with <paramref name="recoveryCodes"/>, its last used step <paramref name="lastStep"/>.</summary>
    public TotpAuthenticator AddEnabledAuthenticator(User user, long lastStep = 900, params string[] recoveryCodes)
    {
        var authenticator = TotpAuthenticator.Begin(user.Id, System.Text.Encoding.UTF8.GetBytes($"sealed:{user.Id}"));
        var codes = recoveryCodes.Length == 0 ? ["zzzzz-zzzzz"] : recoveryCodes;
        authenticator.Confirm(lastStep, [.. codes.Select(RecoveryCodes.Hash)], Now);
        Authenticators.Add(authenticator);
        return authenticator;
    }

    private static ITotp FakeTotp()
    {
        var totp = Substitute.For<ITotp>();
        totp.MatchTimeStep(Arg.Any<Guid>(), Arg.Any<byte[]>(), Arg.Any<string>(), Arg.Any<DateTimeOffset>())
            .Returns(call => call.ArgAt<string>(2) == "123456" && System.Text.Encoding.UTF8.GetString(call.ArgAt<byte[]>(1)) == $"sealed:{call.ArgAt<Guid>(0)}"
                ? 1000L
                : null);
        return totp;
    }

    internal RegisterCommandHandler RegisterHandler() =>
        new(UserRepository, PasswordHasher, VerificationEmail(), Audit, DependencyInjection.CreateMappingConfig(), Time);

    private VerificationEmail VerificationEmail() => new(
        Substitute.For<IRepository<PendingAccountEmail>>(),
        EmailAvailability,
        Substitute.For<IAccountEmailOutbox>(),
        Substitute.For<IAfterCommitActions>(),
        Time,
        Microsoft.Extensions.Options.Options.Create(new AccountOptions()));

    internal ChangeUserRoleCommandHandler ChangeUserRoleHandler() => new(UserRepository, Audit, DependencyInjection.CreateMappingConfig());

    internal RefreshAccessTokenCommandHandler RefreshHandler() =>
        new(RefreshTokenRepository, UserRepository, Tokens, new EndedSessionConnections(SessionConnections, Substitute.For<IAfterCommitActions>()), Audit, Time);
}
