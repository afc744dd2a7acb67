using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RiskPlatform.Application;
using RiskPlatform.Application.Auth.Commands.Logout;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Auth.Queries.GetCurrentUser;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Transactions;
using RiskPlatform.Domain.Auditing;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Benchmarks.Pipeline;

/// <summary>
/// What the MediatR pipeline (logging → unhandled exception → validation → audit → unit of work) adds to one request over
/// calling its handler directly. The ports are in-memory and free, so the difference is the pipeline's own cost:
/// for a query, logging scope, validator lookup and the pass-through behaviours; for a command, also its validator,
/// the transaction calls, the audit row and two saves.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PipelineOverheadBenchmarks
{
    private static readonly Guid UserId = Guid.CreateVersion7();
    private static readonly GetCurrentUserQuery Query = new();
    private static readonly LogoutCommand Command = new("a-refresh-token-the-client-holds");

    private ServiceProvider _services = null!;
    private AsyncServiceScope _scope;
    private IMediator _mediator = null!;
    private SingleUserReadRepository _users = null!;
    private SingleFamilyRefreshTokenRepository _refreshTokens = null!;
    private FixedCurrentUser _currentUser = null!;
    private FixedTokenService _tokens = null!;
    private InMemoryAuditLogRepository _auditLogs = null!;

    [GlobalSetup]
    public void Setup()
    {
        var user = new UserDto(UserId, "ann@example.com", "Ann Example", UserRole.User, IsActive: true, IsVerified: true, DateTime.UtcNow, LastLogin: null);
        _users = new SingleUserReadRepository(user);
        _refreshTokens = new SingleFamilyRefreshTokenRepository(
            RefreshToken.StartSession(UserId, Guid.CreateVersion7(), "refresh-hash", DateTime.UtcNow, TimeSpan.FromDays(30), TimeSpan.FromDays(30)));
        _currentUser = new FixedCurrentUser(UserId);
        _tokens = new FixedTokenService();
        _auditLogs = new InMemoryAuditLogRepository();

        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddLogging();
        services.AddApplication();
        services.AddSingleton<IUnitOfWork, NoOpUnitOfWork>();
        services.AddSingleton<IRepository<AuditLog>>(_auditLogs);
        services.AddSingleton<IReadRepository<User>>(_users);
        services.AddSingleton<IReadRepository<TotpAuthenticator>, NoTotpAuthenticators>();
        services.AddSingleton<IRepository<RefreshToken>>(_refreshTokens);
        services.AddSingleton<ICurrentUser>(_currentUser);
        services.AddSingleton<IRequestContext, FixedRequestContext>();
        services.AddSingleton<IAccountActors, UnusedAccountActors>();
        services.AddSingleton<ITokenService>(_tokens);
        services.AddSingleton<ISessionConnections>(NoSessionConnections.Instance);
        services.AddSingleton<IAuditChain, UnchainedAuditChain>();
        services.AddSingleton<IAuditRetryQueue, NoAuditRetryQueue>();
        _services = services.BuildServiceProvider();

        // One long-lived scope: the per-request scope belongs to ASP.NET Core, not to the pipeline being measured.
        _scope = _services.CreateAsyncScope();
        _mediator = _scope.ServiceProvider.GetRequiredService<IMediator>();

        // Prove the pipeline path really runs the audit and unit of work before measuring it.
        _mediator.Send(Command).GetAwaiter().GetResult();
        if (_auditLogs.Last is not { Action: "Logout", Outcome: AuditOutcome.Succeeded })
        {
            throw new InvalidOperationException("The command did not pass through the audit behaviour.");
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Query")]
    public Task<UserDto> Query_HandlerDirect() =>
        new GetCurrentUserQueryHandler(_users, _currentUser).Handle(Query, CancellationToken.None);

    [Benchmark]
    [BenchmarkCategory("Query")]
    public Task<UserDto> Query_ThroughPipeline() => _mediator.Send(Query, CancellationToken.None);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Command")]
    public Task<Unit> Command_HandlerDirect() =>
        new LogoutCommandHandler(_refreshTokens, _currentUser, _tokens, new EndedSessionConnections(NoSessionConnections.Instance, new AfterCommitActions(NullLogger<AfterCommitActions>.Instance)), new AuditScope(), TimeProvider.System)
            .Handle(Command, CancellationToken.None);

    [Benchmark]
    [BenchmarkCategory("Command")]
    public Task<Unit> Command_ThroughPipeline() => _mediator.Send(Command, CancellationToken.None);
}
