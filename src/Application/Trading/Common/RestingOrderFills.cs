using Microsoft.Extensions.Logging;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Trading.Commands.FillRestingPaperOrders;

namespace RiskPlatform.Application.Trading.Common;

/// <summary>
/// Per scope: the accounts whose resting paper orders a quote (or a batch of quotes) may fill, and in which symbols. Once the
/// quotes have committed, each account gets one <see cref="FillRestingPaperOrdersCommand"/> on its actor, the one writer of
/// the account, several accounts at a time; the quote's answer waits for them, so a client that sees its quote accepted sees
/// the fills too. A failed account is logged and filled by the next quote of the symbol.
/// </summary>
public sealed partial class RestingOrderFills(
    IAfterCommitActions afterCommit,
    IAccountActors actors,
    ILogger<RestingOrderFills> logger)
{
    /// <summary>How many accounts are filled at once.</summary>
    public const int Parallelism = 8;

    private readonly Dictionary<Guid, SortedSet<string>> _symbolsByAccount = [];

    /// <summary>Queues <paramref name="accountUserIds"/> for the fills of <paramref name="symbol"/> after the commit.</summary>
    public void Add(IEnumerable<Guid> accountUserIds, string symbol)
    {
        ArgumentNullException.ThrowIfNull(accountUserIds);
        foreach (var userId in accountUserIds)
        {
            if (_symbolsByAccount.Count == 0)
            {
                afterCommit.Enqueue(FillAsync);
            }

            if (!_symbolsByAccount.TryGetValue(userId, out var symbols))
            {
                _symbolsByAccount[userId] = symbols = new SortedSet<string>(StringComparer.Ordinal);
            }

            symbols.Add(symbol);
        }
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        var accounts = _symbolsByAccount.ToList();
        _symbolsByAccount.Clear();
        await Parallel.ForEachAsync(
            accounts,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (account, token) =>
            {
                try
                {
                    await actors.SendAsync(account.Key, new FillRestingPaperOrdersCommand(account.Key, [.. account.Value]), token);
                }
#pragma warning disable CA1031 // One account's failure must not keep the others from their fills; its next quote fills it.
                catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    LogFillFailed(logger, account.Key, string.Join(", ", account.Value), exception);
                }
            });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resting paper orders of {UserId} in {Symbols} could not be filled; the next quote fills them")]
    private static partial void LogFillFailed(ILogger logger, Guid userId, string symbols, Exception exception);
}
