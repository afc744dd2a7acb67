using Microsoft.Extensions.Time.Testing;
using RiskPlatform.Application.Common.Actors;

namespace RiskPlatform.Application.UnitTests.Common.Actors;

public sealed class AccountMemoryQuoteTests
{
    private static readonly DateTime At = new(2026, 12, 7, 15, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _clock = new();
    private readonly AccountMemory _memory;
    private readonly Dictionary<string, QuoteMark> _database = new(StringComparer.Ordinal);
    private int _loads;

    public AccountMemoryQuoteTests()
    {
        _memory = new AccountMemory(Guid.NewGuid(), _clock);
        _database["AAPL"] = new QuoteMark("AAPL", 100m, At);
        _database["MSFT"] = new QuoteMark("MSFT", 400m, At);
    }

    [Fact]
    public async Task RecallQuotes_ASecondTime_AnswersFromMemoryWithoutReadingTheDatabase()
    {
        await _memory.RecallQuotesAsync(["AAPL", "MSFT"], LoadAsync, Token);
        _database["AAPL"] = new QuoteMark("AAPL", 999m, At.AddSeconds(1));

        var second = await _memory.RecallQuotesAsync(["AAPL", "MSFT"], LoadAsync, Token);

        Assert.Equal(1, _loads);
        Assert.Equal(100m, second.Single(q => q.Symbol == "AAPL").Price);
    }

    [Fact]
    public async Task QuotesChanged_ReplacesTheRememberedQuote_SoTheNextReadValuesWithItWithoutLoading()
    {
        await _memory.RecallQuotesAsync(["AAPL", "MSFT"], LoadAsync, Token);

        _memory.QuotesChanged([new QuoteMark("AAPL", 101m, At.AddSeconds(1))]);
        var quotes = await _memory.RecallQuotesAsync(["AAPL", "MSFT"], LoadAsync, Token);

        Assert.Equal(1, _loads);
        Assert.Equal(101m, quotes.Single(q => q.Symbol == "AAPL").Price);
        Assert.Equal(400m, quotes.Single(q => q.Symbol == "MSFT").Price);
    }

    [Fact]
    public async Task QuotesChanged_WithAnOlderQuote_KeepsTheNewerOne()
    {
        await _memory.RecallQuotesAsync(["AAPL"], LoadAsync, Token);

        _memory.QuotesChanged([new QuoteMark("AAPL", 90m, At.AddSeconds(-1))]);

        Assert.Equal(100m, (await _memory.RecallQuotesAsync(["AAPL"], LoadAsync, Token)).Single().Price);
    }

    [Fact]
    public async Task QuotesChanged_WhileALoadIsOnItsWay_ThatLoadIsAnsweredButNotKept()
    {
        var release = new TaskCompletionSource<IReadOnlyList<QuoteMark>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowRead = _memory.RecallQuotesAsync(["AAPL"], (_, _) => release.Task, Token);

        // The load read the database before a new quote committed, and the push found nothing remembered to replace.
        _memory.QuotesChanged([new QuoteMark("AAPL", 105m, At.AddSeconds(1))]);
        release.SetResult([new QuoteMark("AAPL", 100m, At)]);

        Assert.Equal(100m, (await slowRead).Single().Price);
        Assert.Equal(0, _memory.Count);
        _database["AAPL"] = new QuoteMark("AAPL", 105m, At.AddSeconds(1));
        Assert.Equal(105m, (await _memory.RecallQuotesAsync(["AAPL"], LoadAsync, Token)).Single().Price);
    }

    [Fact]
    public async Task RecallQuotes_OfAQuoteNoPushRefreshedForLongerThanItsLifetime_LoadsItAgain()
    {
        await _memory.RecallQuotesAsync(["AAPL"], LoadAsync, Token);
        _database["AAPL"] = new QuoteMark("AAPL", 110m, At.AddSeconds(5));

        _clock.Advance(AccountMemory.QuoteLifetime);
        Assert.Equal(100m, (await _memory.RecallQuotesAsync(["AAPL"], LoadAsync, Token)).Single().Price);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(110m, (await _memory.RecallQuotesAsync(["AAPL"], LoadAsync, Token)).Single().Price);
        Assert.Equal(2, _loads);
    }

    [Fact]
    public async Task RecallQuotes_RefreshedByPushes_OutlivesTheLifetime()
    {
        await _memory.RecallQuotesAsync(["AAPL"], LoadAsync, Token);

        for (var i = 1; i <= 3; i++)
        {
            _clock.Advance(AccountMemory.QuoteLifetime / 2);
            _memory.QuotesChanged([new QuoteMark("AAPL", 100m + i, At.AddSeconds(i))]);
        }

        Assert.Equal(103m, (await _memory.RecallQuotesAsync(["AAPL"], LoadAsync, Token)).Single().Price);
        Assert.Equal(1, _loads);
    }

    [Fact]
    public async Task CommandEnded_DropsTheRememberedQuotes_BecauseTheHeldSymbolsMayHaveChanged()
    {
        await _memory.RecallQuotesAsync(["AAPL"], LoadAsync, Token);

        _memory.CommandEnded(AccountMemory.PartsLeftUnchangedBy(typeof(LeavesEverythingItCan)));

        await _memory.RecallQuotesAsync(["AAPL"], LoadAsync, Token);
        Assert.Equal(2, _loads);
    }

    [Fact]
    public async Task RecallHeldQuotes_InACommand_AlwaysReadsTheDatabase()
    {
        var call = new AccountActorCall();
        call.EnterCommand(new AccountCallOrigin(null, null, null, null), _memory, typeof(LeavesEverythingItCan));

        await call.RecallHeldQuotesAsync(_memory.AccountUserId, ["AAPL"], LoadAsync, Token);
        await call.RecallHeldQuotesAsync(_memory.AccountUserId, ["AAPL"], LoadAsync, Token);

        Assert.Equal(2, _loads);
        Assert.Equal(0, _memory.Count);
    }

    [Fact]
    public async Task RecallHeldQuotes_OnAReadOfTheActorsAccount_UsesTheMemory_AndOfAnotherAccount_DoesNot()
    {
        var call = new AccountActorCall();
        call.EnterRead(new AccountCallOrigin(null, null, null, null), _memory);

        await call.RecallHeldQuotesAsync(Guid.NewGuid(), ["AAPL"], LoadAsync, Token);
        Assert.Equal(0, _memory.Count);
        await call.RecallHeldQuotesAsync(_memory.AccountUserId, ["AAPL"], LoadAsync, Token);
        await call.RecallHeldQuotesAsync(_memory.AccountUserId, ["AAPL"], LoadAsync, Token);

        Assert.Equal(2, _loads);
    }

    private Task<IReadOnlyList<QuoteMark>> LoadAsync(IReadOnlyList<string> symbols, CancellationToken cancellationToken)
    {
        _loads++;
        return Task.FromResult<IReadOnlyList<QuoteMark>>([.. symbols.Where(_database.ContainsKey).Select(s => _database[s])]);
    }

    [LeavesUnchanged(AccountMemoryPart.ActiveRules, AccountMemoryPart.PaperAccount, AccountMemoryPart.PaperBinding)]
    private sealed class LeavesEverythingItCan;
}
