using Microsoft.Extensions.Logging.Abstractions;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Transactions;

namespace RiskPlatform.Application.UnitTests.Common.Actors;

/// <summary>
/// A command on its account's actor changes a copy of what the actor remembers and hands back what it committed; nothing else
/// (a read, another account, no actor, a command that failed or whose changes were discarded) touches the memory.
/// </summary>
public sealed class AccountChangesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private readonly AccountMemory _memory = new(Guid.NewGuid());
    private readonly AfterCommitActions _afterCommit = new(NullLogger<AfterCommitActions>.Instance);
    private readonly List<Part> _tracked = [];
    private Func<Part, bool> _isSaved = _ => true;
    private int _loads;

    [Fact]
    public async Task Command_WithNothingRemembered_LoadsThePart_AndTheActorKeepsACopyOfWhatItCommitted()
    {
        var changes = InCommand();

        var loaded = await LoadAsync(changes, "stored");
        loaded!.Value = "changed";
        await CommitAsync();

        Assert.Equal(1, _loads);
        Assert.True(_memory.TryRecall<Part>(AccountMemoryPart.PaperAccount, out var kept));
        Assert.Equal("changed", kept!.Value);
        Assert.NotSame(loaded, kept);
    }

    [Fact]
    public async Task NextCommand_ChangesATrackedCopyOfWhatTheLastOneCommitted_WithoutLoading()
    {
        var first = InCommand();
        (await LoadAsync(first, "stored"))!.Value = "first";
        await CommitAsync();
        _memory.TryRecall<Part>(AccountMemoryPart.PaperAccount, out var remembered);

        var second = InCommand();
        var copy = await LoadAsync(second, "not read");

        Assert.Equal(1, _loads);
        Assert.Equal("first", copy!.Value);
        Assert.NotSame(remembered, copy);
        Assert.Same(copy, _tracked[^1]);

        // What reads share is never changed by the command working on its copy.
        copy.Value = "second";
        Assert.Equal("first", remembered!.Value);
    }

    [Fact]
    public async Task Command_ThatFails_KeepsNothing_AndThePartIsDropped()
    {
        var first = InCommand();
        await LoadAsync(first, "stored");
        await CommitAsync();

        var failed = InCommand();
        (await LoadAsync(failed, "not read"))!.Value = "rolled back";
        _afterCommit.Discard();
        _memory.CommandEnded(AccountMemory.PartsLeftUnchangedBy(null));

        Assert.False(_memory.TryRecall<Part>(AccountMemoryPart.PaperAccount, out _));
    }

    [Fact]
    public async Task Command_WhoseChangesWereDiscarded_KeepsNothing()
    {
        var changes = InCommand(isSaved: _ => false);
        (await LoadAsync(changes, "stored"))!.Value = "never saved";
        await CommitAsync();

        Assert.False(_memory.TryRecall<Part>(AccountMemoryPart.PaperAccount, out _));
    }

    [Fact]
    public async Task Command_ThatCreatesThePart_HandsOverTheCreatedOne()
    {
        var first = InCommand();
        Assert.Null(await LoadAsync(first, null));
        await CommitAsync();
        Assert.True(_memory.TryRecall<Part>(AccountMemoryPart.PaperAccount, out var none));
        Assert.Null(none);

        var second = InCommand();
        Assert.Null(await LoadAsync(second, "not read"));
        second.Keep(_memory.AccountUserId, AccountMemoryPart.PaperAccount, new Part("opened"), p => p.Copy(), _ => true);
        await CommitAsync();

        Assert.Equal(1, _loads);
        _memory.TryRecall<Part>(AccountMemoryPart.PaperAccount, out var opened);
        Assert.Equal("opened", opened!.Value);
    }

    [Fact]
    public async Task Forget_WhileACommandRuns_DropsWhatItWouldHaveHandedOver()
    {
        var changes = InCommand();
        await LoadAsync(changes, "stored");
        await _afterCommit.RunAsync(Token);

        _memory.Forget();
        _memory.CommandEnded(AccountMemory.PartsLeftUnchangedBy(null));

        Assert.False(_memory.TryRecall<Part>(AccountMemoryPart.PaperAccount, out _));
    }

    [Fact]
    public async Task Read_AnotherAccount_OrNoActor_AlwaysLoad_AndKeepNothing()
    {
        var read = new AccountActorCall();
        read.EnterRead(new AccountCallOrigin(null, null, null, null), _memory);
        var otherAccount = new AccountActorCall();
        otherAccount.EnterCommand(new AccountCallOrigin(null, null, null, null), new AccountMemory(Guid.NewGuid()), typeof(object));

        foreach (var call in new[] { read, otherAccount, new AccountActorCall() })
        {
            var changes = new AccountChanges(call, _afterCommit);
            await LoadAsync(changes, "stored");
            await _afterCommit.RunAsync(Token);
        }

        _memory.CommandEnded(AccountMemory.PartsLeftUnchangedBy(null));
        Assert.Equal(3, _loads);
        Assert.Equal(0, _memory.Count);
    }

    private AccountChanges InCommand(Func<Part, bool>? isSaved = null)
    {
        var call = new AccountActorCall();
        call.EnterCommand(new AccountCallOrigin(null, null, null, null), _memory, typeof(object));
        _isSaved = isSaved ?? (_ => true);
        return new AccountChanges(call, _afterCommit);
    }

    private Task<Part?> LoadAsync(AccountChanges changes, string? stored) =>
        changes.LoadAsync(
            _memory.AccountUserId,
            AccountMemoryPart.PaperAccount,
            _ =>
            {
                _loads++;
                return Task.FromResult(stored is null ? null : new Part(stored));
            },
            p => p.Copy(),
            p =>
            {
                _tracked.Add(p);
                return p;
            },
            p => _isSaved(p),
            Token);

    /// <summary>The command's commit, its after-commit actions, then its end on the actor (as the grain runs it).</summary>
    private async Task CommitAsync()
    {
        await _afterCommit.RunAsync(Token);
        _memory.CommandEnded(AccountMemory.PartsLeftUnchangedBy(null));
    }

    private sealed class Part(string value)
    {
        public string Value { get; set; } = value;

        public Part Copy() => new(Value);
    }
}
