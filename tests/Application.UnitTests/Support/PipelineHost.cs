using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Auditing;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.UnitTests.Support;

/// <summary>
/// The real application container (<c>AddApplication()</c>: mediator, behaviours, validators, handlers) with the ports
/// replaced by substitutes that write every call into one <see cref="Journal"/>, plus the tests' own widget command and query.
/// </summary>
public sealed class PipelineHost : IAsyncDisposable
{
    public static readonly Guid SignedInUserId = Guid.Parse("0199a0e0-0000-7000-8000-000000000001");
    /// <summary>Links nothing (the chain is an Infrastructure concern, tested there and end to end).</summary>
    public IAuditChain AuditChain { get; } = Substitute.For<IAuditChain>();

    /// <summary>Rows whose write failed; a test inspects what was queued.</summary>
    public IAuditRetryQueue AuditRetryQueue { get; } = Substitute.For<IAuditRetryQueue>();

    public const string IpAddress = "203.0.113.7";
    public const string UserAgent = "risk-tests/1.0";
    public const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    private readonly ServiceProvider _services;

    public PipelineHost(Action<IServiceCollection>? configure = null)
    {
        var transaction = Transaction = new RecordingTransaction(Journal);

        UnitOfWork = Substitute.For<IUnitOfWork>();
        UnitOfWork.BeginTransactionAsync(default).ReturnsForAnyArgs(_ =>
        {
            Journal.Record("begin");
            return Task.FromResult<IUnitOfWorkTransaction>(transaction);
        });
        UnitOfWork.SaveChangesAsync(default).ReturnsForAnyArgs(_ => Recorded("save"));
        UnitOfWork.When(u => u.DiscardChanges()).Do(_ => Journal.Record("discard"));

        AuditLogs = Substitute.For<IRepository<AuditLog>>();
        AuditLogs.When(r => r.Add(Arg.Any<AuditLog>())).Do(call =>
        {
            var row = call.Arg<AuditLog>();
            AuditRows.Add(row);
            Journal.Record($"audit-row:{row.Outcome}");
        });

        CurrentUser = Substitute.For<ICurrentUser>();
        CurrentUser.UserId.Returns(SignedInUserId);
        CurrentUser.RequireUserId().Returns(SignedInUserId);

        RequestContext = Substitute.For<IRequestContext>();
        RequestContext.IpAddress.Returns(IpAddress);
        RequestContext.UserAgent.Returns(UserAgent);
        RequestContext.TraceId.Returns(TraceId);

        var services = new ServiceCollection();
        services.AddApplication();
        services.AddSingleton(Journal);
        services.AddSingleton(Script);
        services.AddSingleton(Time);
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(typeof(ILogger<>), typeof(RecordingLogger<>));
        services.AddScoped(_ => UnitOfWork);
        services.AddScoped(_ => AuditLogs);
        services.AddScoped(_ => AuditChain);
        services.AddSingleton(AuditRetryQueue);
        services.AddScoped(_ => CurrentUser);
        services.AddScoped(_ => RequestContext);
        services.AddScoped(_ => Substitute.For<IAccountActors>()); // the widgets here are no account commands
        services.AddScoped(_ => Substitute.For<IReadRepository<TotpAuthenticator>>()); // nor commands that need a recent second factor
        services.AddScoped(_ => Substitute.For<ITokenService>());
        services.AddSingleton(Substitute.For<IRiskMetrics>());
        services.AddTransient<IRequestHandler<RenameWidgetCommand, string>, RenameWidgetCommandHandler>();
        services.AddTransient<IValidator<RenameWidgetCommand>, RenameWidgetCommandValidator>();
        services.AddTransient<IValidator<RenameWidgetCommand>, RenameWidgetContactValidator>();
        services.AddTransient<IRequestHandler<GetWidgetQuery, string>, GetWidgetQueryHandler>();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public Journal Journal { get; } = new();

    internal RecordingTransaction Transaction { get; }

    public HandlerScript Script { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    public IUnitOfWork UnitOfWork { get; }

    public IRepository<AuditLog> AuditLogs { get; }

    public List<AuditLog> AuditRows { get; } = [];

    public ICurrentUser CurrentUser { get; }

    public IRequestContext RequestContext { get; }

    /// <summary>Sends one request in its own scope, as one HTTP request would.</summary>
    public async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
    }

    /// <summary>Resolves a service in a fresh scope (for inspecting the container's registrations).</summary>
    public T Resolve<T>(Func<IServiceProvider, T> resolve)
    {
        using var scope = _services.CreateScope();
        return resolve(scope.ServiceProvider);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private Task Recorded(string entry)
    {
        Journal.Record(entry);
        return Task.CompletedTask;
    }
}
