using System.Globalization;
using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.ApiKeys.Commands.RewrapApiKeys;
using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.Auth.Commands.ResealTotpSecrets;
using RiskPlatform.Application.Notifications.Commands.ResealWebhookSecrets;

namespace RiskPlatform.Api.Cli;

/// <summary>
/// <c>dotnet run --project src/Api -- keys rewrap</c>: re-encrypts every API key sealed under an old master key version, or
/// in an older credential format (one not bound to the key's base URL and mode), with the active one in the current format, one audited <see cref="RewrapApiKeysCommand"/> (one transaction) per batch, then seals every
/// webhook secret stored unsealed (from before secrets were sealed) or under an old version, one
/// <see cref="ResealWebhookSecretsCommand"/> per batch, then the TOTP secrets sealed under an old version
/// (<see cref="ResealTotpSecretsCommand"/>). Stopping it loses at most the current batch; running it again
/// continues where it stopped.
/// </summary>
public static class RewrapCommandLine
{
    public static bool Matches(string[] args) =>
        args.Length >= 2
        && string.Equals(args[0], "keys", StringComparison.OrdinalIgnoreCase)
        && string.Equals(args[1], "rewrap", StringComparison.OrdinalIgnoreCase);

    /// <summary>Runs batches until none is full; returns the totals. Used by the CLI and by the tests.</summary>
    public static async Task<(int Rewrapped, int Failed, int Batches, int ActiveKeyVersion)> RewrapAllAsync(
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var batchSize = services.GetRequiredService<IOptions<VaultOptions>>().Value.RewrapBatchSize;
        var (rewrapped, failed, batches, active) = (0, 0, 0, 0);
        Guid? after = null;
        ApiKeyRewrapBatch batch;
        do
        {
            await using var scope = services.CreateAsyncScope();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            batch = await mediator.Send(new RewrapApiKeysCommand(batchSize, after), cancellationToken);
            rewrapped += batch.Rewrapped;
            failed += batch.Failed;
            active = batch.ActiveKeyVersion;
            after = batch.LastId;
            batches++;
        }
        while (batch.HasMore);

        return (rewrapped, failed, batches, active);
    }

    /// <summary>Reseals webhook secrets batch by batch until none is full; returns the totals. Used by the CLI and by the tests.</summary>
    public static Task<(int Resealed, int Failed)> ResealWebhookSecretsAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        KeysetBatchesAsync(
            services,
            (size, after) => new ResealWebhookSecretsCommand(size, after),
            batch => (batch.Resealed, batch.Failed, batch.LastId, batch.HasMore),
            cancellationToken);

    /// <summary>Reseals TOTP secrets batch by batch until none is full; returns the totals. Used by the CLI and by the tests.</summary>
    public static Task<(int Resealed, int Failed)> ResealTotpSecretsAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        KeysetBatchesAsync(
            services,
            (size, after) => new ResealTotpSecretsCommand(size, after),
            batch => (batch.Resealed, batch.Failed, batch.LastId, batch.HasMore),
            cancellationToken);

    /// <summary>Prints a summary line and returns the process exit code.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var (rewrapped, failed, batches, active) = await RewrapAllAsync(services, cancellationToken);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"keys rewrap: {rewrapped} API keys re-encrypted under master key version {active} in {batches} batches; {failed} failed the integrity check."));
            var (resealed, resealFailed) = await ResealWebhookSecretsAsync(services, cancellationToken);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"keys rewrap: {resealed} webhook secrets sealed under master key version {active}; {resealFailed} failed the integrity check."));
            var (totpResealed, totpFailed) = await ResealTotpSecretsAsync(services, cancellationToken);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"keys rewrap: {totpResealed} TOTP secrets sealed under master key version {active}; {totpFailed} failed the integrity check."));
            return failed == 0 && resealFailed == 0 && totpFailed == 0 ? 0 : 2;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await error.WriteLineAsync($"keys rewrap failed: {exception.Message}");
            return 1;
        }
    }

    /// <summary>Sends one audited command (one transaction) per keyset batch, in a scope of its own, until a batch is not full.</summary>
    private static async Task<(int Done, int Failed)> KeysetBatchesAsync<TBatch>(
        IServiceProvider services,
        Func<int, Guid?, IRequest<TBatch>> command,
        Func<TBatch, (int Done, int Failed, Guid? LastId, bool HasMore)> read,
        CancellationToken cancellationToken)
    {
        var batchSize = services.GetRequiredService<IOptions<VaultOptions>>().Value.RewrapBatchSize;
        var (done, failed) = (0, 0);
        Guid? after = null;
        bool hasMore;
        do
        {
            await using var scope = services.CreateAsyncScope();
            var batch = read(await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command(batchSize, after), cancellationToken));
            (done, failed, after, hasMore) = (done + batch.Done, failed + batch.Failed, batch.LastId, batch.HasMore);
        }
        while (hasMore);

        return (done, failed);
    }
}
