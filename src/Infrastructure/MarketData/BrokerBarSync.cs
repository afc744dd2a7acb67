using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.BrokerBindings.Specifications;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Commands.ImportPriceBars;
using RiskPlatform.Application.MarketData.Queries.GetBrokerDailyBars;
using RiskPlatform.Domain.BrokerBindings;
using RiskPlatform.Infrastructure.Brokers.Alpaca;

namespace RiskPlatform.Infrastructure.MarketData;

/// <summary>
/// Fills the stored history from the brokers: for each user bound to an Alpaca key, <see cref="GetBrokerDailyBarsQuery"/> fetches
/// the bars the history lacks for their symbols (a read, the broker called outside any transaction), then
/// <see cref="ImportPriceBarsCommand"/> stores them in batches (audited; the bar versions of the symbols it changed advance, so
/// every node's kept closes read them again).
/// A user whose broker fails is logged and skipped; the next run tries again.
/// </summary>
public sealed partial class BrokerBarSync(IServiceScopeFactory scopes, IOptions<AlpacaOptions> options, ILogger<BrokerBarSync> logger)
{
    /// <summary>Bars per stored batch.</summary>
    public const int BatchSize = 2000;

    public async Task<BrokerBarSyncResult> RunAsync(CancellationToken cancellationToken)
    {
        List<Guid> users;
        await using (var scope = scopes.CreateAsyncScope())
        {
            users = await scope.ServiceProvider.GetRequiredService<IReadRepository<BrokerBinding>>()
                .ListAsync(new UsersBoundToApiKeysSpec(), cancellationToken);
        }

        var (symbols, added, replaced, failed) = (0, 0, 0, 0);
        foreach (var userId in users.Distinct())
        {
            try
            {
                var fetched = await SendAsync(new GetBrokerDailyBarsQuery(userId, options.Value.BarHistoryDays), cancellationToken);
                symbols += fetched.Symbols.Count;
                foreach (var batch in fetched.Bars.Chunk(BatchSize))
                {
                    var stored = await SendAsync(new ImportPriceBarsCommand(batch), cancellationToken);
                    (added, replaced) = (added + stored.Added, replaced + stored.Replaced);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failed++;
                LogUserFailed(logger, exception, userId);
            }
        }

        var result = new BrokerBarSyncResult(users.Count, symbols, added, replaced, failed);
        LogSynced(logger, result.Users, result.Symbols, result.Added, result.Replaced, result.FailedUsers);
        return result;
    }

    private async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker bar sync: the bars of user {UserId} could not be fetched or stored")]
    private static partial void LogUserFailed(ILogger logger, Exception exception, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broker bar sync: {Users} users, {Symbols} symbols, {Added} bars added, {Replaced} replaced, {Failed} users failed")]
    private static partial void LogSynced(ILogger logger, int users, int symbols, int added, int replaced, int failed);
}

/// <summary>What one sync did: users and symbols looked at, bars added and replaced, users whose broker failed.</summary>
public sealed record BrokerBarSyncResult(int Users, int Symbols, int Added, int Replaced, int FailedUsers);
