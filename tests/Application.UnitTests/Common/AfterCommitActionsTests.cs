using MediatR;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Behaviours;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Common.Transactions;
using RiskPlatform.Domain.Auditing;

namespace RiskPlatform.Application.UnitTests.Common;

public sealed class AfterCommitActionsTests
{
    private readonly List<string> _journal = [];
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly IUnitOfWorkTransaction _transaction = Substitute.For<IUnitOfWorkTransaction>();
    private readonly AfterCommitActions _afterCommit = new(NullLogger<AfterCommitActions>.Instance);

    public AfterCommitActionsTests()
    {
        _unitOfWork.BeginTransactionAsync(Arg.Any<CancellationToken>()).Returns(_transaction);
        _transaction.CommitAsync(Arg.Any<CancellationToken>()).Returns(_ =>
        {
            _journal.Add("commit");
            return Task.CompletedTask;
        });
        _transaction.RollbackAsync(Arg.Any<CancellationToken>()).Returns(_ =>
        {
            _journal.Add("rollback");
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Handle_WhenCommandSucceeds_RunsQueuedActionsAfterTheCommitInOrder()
    {
        var response = await Behaviour<TestCommand>().Handle(new TestCommand(), CancellationToken.None, () =>
        {
            _afterCommit.Enqueue(_ => Record("first"));
            _afterCommit.Enqueue(_ => Record("second"));
            return Task.FromResult(42);
        });

        Assert.Equal(42, response);
        Assert.Equal(["commit", "first", "second"], _journal);
        Assert.Equal(0, _afterCommit.Count);
    }

    [Fact]
    public async Task Handle_WhenHandlerThrows_DropsQueuedActionsWithoutRunningThem()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Behaviour<TestCommand>().Handle(new TestCommand(), CancellationToken.None, () =>
        {
            _afterCommit.Enqueue(_ => Record("push"));
            throw new InvalidOperationException("boom");
        }));

        Assert.DoesNotContain("push", _journal);
        Assert.Contains("rollback", _journal);
        Assert.Equal(0, _afterCommit.Count);
    }

    [Fact]
    public async Task Handle_WhenCommitFails_DropsQueuedActionsWithoutRunningThem()
    {
        _transaction.CommitAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("commit failed"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Behaviour<TestCommand>().Handle(new TestCommand(), CancellationToken.None, () =>
        {
            _afterCommit.Enqueue(_ => Record("push"));
            return Task.FromResult(1);
        }));

        Assert.DoesNotContain("push", _journal);
        Assert.Equal(0, _afterCommit.Count);
    }

    [Fact]
    public async Task Handle_WhenAnActionThrows_LogsItRunsTheRestAndReturnsTheResponse()
    {
        var response = await Behaviour<TestCommand>().Handle(new TestCommand(), CancellationToken.None, () =>
        {
            _afterCommit.Enqueue(_ => throw new InvalidOperationException("push failed"));
            _afterCommit.Enqueue(_ => Task.FromException(new InvalidOperationException("async push failed")));
            _afterCommit.Enqueue(_ => Record("after"));
            return Task.FromResult(7);
        });

        Assert.Equal(7, response);
        Assert.Equal(["commit", "after"], _journal);
    }

    [Fact]
    public async Task Handle_WhenCommandIsNestedInAnother_RunsItsActionsOnlyAfterTheOuterCommit()
    {
        var inner = Behaviour<TestCommand>();
        var outer = Behaviour<TestCommand>();

        await outer.Handle(new TestCommand(), CancellationToken.None, async () =>
        {
            await inner.Handle(new TestCommand(), CancellationToken.None, () =>
            {
                _afterCommit.Enqueue(_ => Record("inner push"));
                return Task.FromResult(1);
            });
            _journal.Add("outer handler done");
            return 2;
        });

        // The inner commit is the (no-op) nested transaction's; the push waits for the outer one.
        Assert.Equal(["commit", "outer handler done", "commit", "inner push"], _journal);
    }

    [Fact]
    public async Task Handle_WhenRequestIsAQuery_DoesNotRunQueuedActions()
    {
        _afterCommit.Enqueue(_ => Record("push"));

        await Behaviour<TestQuery>().Handle(new TestQuery(), CancellationToken.None, () => Task.FromResult(3));

        Assert.Empty(_journal);
        Assert.Equal(1, _afterCommit.Count);
    }

    [Fact]
    public async Task RunAsync_WhenAnActionEnqueuesAnother_RunsThatToo()
    {
        _afterCommit.Enqueue(_ =>
        {
            _afterCommit.Enqueue(_ => Record("follow-up"));
            return Record("first");
        });

        await _afterCommit.RunAsync(CancellationToken.None);

        Assert.Equal(["first", "follow-up"], _journal);
    }

    private Task Record(string entry)
    {
        _journal.Add(entry);
        return Task.CompletedTask;
    }

    private AuditBehaviour<TRequest, int> Behaviour<TRequest>()
        where TRequest : notnull
    {
        var scope = new AuditScope();
        return new(
            _unitOfWork,
            new AuditWriter(
                _unitOfWork,
                Substitute.For<IRepository<AuditLog>>(),
                scope,
                Substitute.For<ICurrentUser>(),
                Substitute.For<IRequestContext>(),
                Substitute.For<IAuditChain>(),
                Substitute.For<IAuditRetryQueue>(),
                new FakeTimeProvider(),
                NullLogger<AuditWriter>.Instance),
            scope,
            _afterCommit,
            NullLogger<AuditBehaviour<TRequest, int>>.Instance);
    }

    public sealed record TestCommand : ICommand<int>;

    public sealed record TestQuery : IQuery<int>;
}
