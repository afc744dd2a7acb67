using RiskPlatform.Application.Common.Actors;

namespace RiskPlatform.Application.UnitTests.Common.Actors;

public sealed class AccountMemoryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private readonly AccountMemory _memory = new(Guid.NewGuid());
    private int _loads;

    [Fact]
    public async Task Recall_ASecondTime_AnswersFromMemoryWithoutLoading()
    {
        var first = await _memory.RecallAsync("part", Load("v1"), Token);
        var second = await _memory.RecallAsync("part", Load("v2"), Token);

        Assert.Equal("v1", first);
        Assert.Equal("v1", second);
        Assert.Equal(1, _loads);
    }

    [Fact]
    public async Task Recall_AfterACommand_LoadsAgain()
    {
        await _memory.RecallAsync("part", Load("before"), Token);

        _memory.CommandEnded(AccountMemory.PartsLeftUnchangedBy(typeof(ChangesEverything)));

        Assert.Equal("after", await _memory.RecallAsync("part", Load("after"), Token));
    }

    [Fact]
    public async Task CommandEnded_KeepsOnlyThePartsTheCommandLeavesUnchanged()
    {
        await _memory.RecallAsync(AccountMemoryPart.ActiveRules, Load("rules"), Token);
        await _memory.RecallAsync(AccountMemoryPart.PaperAccount, Load("account before"), Token);

        _memory.CommandEnded(AccountMemory.PartsLeftUnchangedBy(typeof(LeavesTheRules)));

        Assert.Equal("rules", await _memory.RecallAsync(AccountMemoryPart.ActiveRules, Load("reloaded rules"), Token));
        Assert.Equal("account after", await _memory.RecallAsync(AccountMemoryPart.PaperAccount, Load("account after"), Token));
    }

    [Fact]
    public void PartsLeftUnchanged_OfACommandThatDeclaresNone_AreNone()
    {
        Assert.Empty(AccountMemory.PartsLeftUnchangedBy(typeof(ChangesEverything)));
        Assert.Empty(AccountMemory.PartsLeftUnchangedBy(null));
        Assert.Equal([AccountMemoryPart.ActiveRules], AccountMemory.PartsLeftUnchangedBy(typeof(LeavesTheRules)));
    }

    [Fact]
    public async Task Recall_WhoseLoadACommandOverlapped_IsAnsweredButNotKept()
    {
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowRead = _memory.RecallAsync(AccountMemoryPart.ActiveRules, _ => release.Task, Token);

        // A command ends while the read's load is still on its way: what it loaded may predate the command's commit (even of a
        // part the command leaves unchanged: the generation says only that a command ended).
        _memory.CommandEnded(AccountMemory.PartsLeftUnchangedBy(typeof(LeavesTheRules)));
        release.SetResult("loaded before the command");

        Assert.Equal("loaded before the command", await slowRead);
        Assert.Equal(0, _memory.Count);
        Assert.Equal("fresh", await _memory.RecallAsync(AccountMemoryPart.ActiveRules, Load("fresh"), Token));
    }

    [Fact]
    public async Task Forget_DropsWhatWasRemembered()
    {
        await _memory.RecallAsync("part", Load("before"), Token);

        _memory.Forget();

        Assert.Equal("after", await _memory.RecallAsync("part", Load("after"), Token));
    }

    [Fact]
    public async Task Recall_WithAKeepTest_KeepsOnlyWhatItAccepts()
    {
        await _memory.RecallAsync("part", Load("external"), Token, keep: value => value == "paper");
        Assert.Equal(0, _memory.Count);

        await _memory.RecallAsync("part", Load("paper"), Token, keep: value => value == "paper");
        Assert.Equal("paper", await _memory.RecallAsync("part", Load("other"), Token));
    }

    [Fact]
    public async Task Recall_OfAnotherAccountThanTheActors_NeverUsesTheMemory()
    {
        var call = new AccountActorCall();
        call.EnterRead(new AccountCallOrigin(null, null, null, null), _memory);

        await call.RecallAsync(Guid.NewGuid(), "part", Load("someone else's"), Token);

        Assert.Equal(0, _memory.Count);
    }

    [Fact]
    public async Task Recall_OutsideAnActor_AlwaysLoads()
    {
        var call = new AccountActorCall();
        call.Enter(new AccountCallOrigin(null, null, null, null));

        await call.RecallAsync(_memory.AccountUserId, "part", Load("a"), Token);
        await call.RecallAsync(_memory.AccountUserId, "part", Load("b"), Token);

        Assert.Equal(2, _loads);
    }

    [Fact]
    public async Task Recall_InACommand_UsesTheMemoryOnlyForThePartsTheCommandLeavesUnchanged()
    {
        var call = new AccountActorCall();
        call.EnterCommand(new AccountCallOrigin(null, null, null, null), _memory, typeof(LeavesTheRules));

        await call.RecallAsync(_memory.AccountUserId, AccountMemoryPart.ActiveRules, Load("rules"), Token);
        Assert.Equal("rules", await call.RecallAsync(_memory.AccountUserId, AccountMemoryPart.ActiveRules, Load("reloaded"), Token));
        await call.RecallAsync(_memory.AccountUserId, AccountMemoryPart.PaperAccount, Load("a"), Token);
        Assert.Equal("b", await call.RecallAsync(_memory.AccountUserId, AccountMemoryPart.PaperAccount, Load("b"), Token));

        Assert.Equal(3, _loads);
        Assert.Equal(1, _memory.Count);
    }

    private Func<CancellationToken, Task<string>> Load(string value) => _ =>
    {
        _loads++;
        return Task.FromResult(value);
    };

    private sealed class ChangesEverything;

    [LeavesUnchanged(AccountMemoryPart.ActiveRules)]
    private sealed class LeavesTheRules;
}
