using Microsoft.Extensions.DependencyInjection;
using MediatR;
using RiskPlatform.Application.MarketData.Commands.ImportPriceBars;
using RiskPlatform.Application.MarketData.Commands.ImportSymbolReferences;
using RiskPlatform.Application.MarketData.Commands.SetSymbolReference;
using RiskPlatform.Infrastructure.MarketData;

namespace RiskPlatform.Api.Cli;

/// <summary>
/// <c>dotnet run --project src/Api -- market import-bars FILE.csv</c> (columns symbol, date, open, high, low, close, volume) and
/// <c>market import-symbols FILE.csv</c> (symbol, sector, industry, asset_class, exchange). Good rows are stored in audited
/// batches of <see cref="BatchSize"/>, each replacing what is stored under the same key, so importing a file again changes
/// nothing; bad rows are reported with their line numbers and skipped. Exit code: 0 every row stored, 2 some rows rejected (the
/// others stored), 1 the file could not be read, 64 bad usage. <c>market sync-bars</c> runs the Alpaca bar sync once (exit 2 when a
/// user's broker failed).
/// </summary>
public static class MarketCommandLine
{
    public const string Usage = "usage: market import-bars FILE.csv | market import-symbols FILE.csv | market sync-bars";

    public const int BatchSize = 2000;

    /// <summary>Rejected rows printed at most; the count of all of them is always printed.</summary>
    public const int MaxReportedErrors = 100;

    public static bool Matches(string[] args) =>
        args.Length >= 1 && string.Equals(args[0], "market", StringComparison.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Length == 2 && string.Equals(args[1], "sync-bars", StringComparison.OrdinalIgnoreCase))
        {
            // The broker sync once, now: the daily bars Alpaca-bound users' symbols lack (Brokers:Alpaca:BarHistoryDays back).
            var result = await services.GetRequiredService<BrokerBarSync>().RunAsync(cancellationToken);
            await output.WriteLineAsync(
                $"market sync-bars: {result.Users} users, {result.Symbols} symbols; {result.Added} bars added, {result.Replaced} replaced; {result.FailedUsers} users failed");
            return result.FailedUsers == 0 ? 0 : 2;
        }

        var verb = args.Length == 3 ? args[1].ToLowerInvariant() : null;
        if (verb is not ("import-bars" or "import-symbols"))
        {
            await error.WriteLineAsync(Usage);
            return 64;
        }

        var path = args[2];
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"market {verb}: no file at {path}.");
            return 1;
        }

        using var text = new StreamReader(path);
        try
        {
            return verb == "import-bars"
                ? await ImportBarsAsync(services, text, output, error, cancellationToken)
                : await ImportSymbolsAsync(services, text, output, error, cancellationToken);
        }
        catch (FormatException exception)
        {
            await error.WriteLineAsync($"market {verb}: {exception.Message}");
            return 1;
        }
    }

    private static async Task<int> ImportBarsAsync(IServiceProvider services, TextReader text, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var report = new ImportReport(error);
        var batch = new Dictionary<(string Symbol, DateOnly Date), PriceBarInput>();
        var (added, replaced, unchanged) = (0, 0, 0);
        async Task FlushAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }

            var result = await SendAsync(services, new ImportPriceBarsCommand([.. batch.Values]), cancellationToken);
            (added, replaced, unchanged) = (added + result.Added, replaced + result.Replaced, unchanged + result.Unchanged);
            batch.Clear();
        }

        foreach (var row in PriceBarCsvReader.Read(text))
        {
            if (row.Value is null)
            {
                await report.RejectAsync(row.Line, row.Error!);
                continue;
            }

            // A row repeating an earlier (symbol, date) replaces it, as a later import would.
            batch[(row.Value.Symbol, row.Value.Date)] = row.Value;
            if (batch.Count >= BatchSize)
            {
                await FlushAsync();
            }
        }

        await FlushAsync();
        await output.WriteLineAsync(
            $"market import-bars: {added} bars added, {replaced} replaced, {unchanged} unchanged; {report.Rejected} rows rejected.");
        return report.Rejected == 0 ? 0 : 2;
    }

    private static async Task<int> ImportSymbolsAsync(IServiceProvider services, TextReader text, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var report = new ImportReport(error);
        var batch = new Dictionary<string, SetSymbolReferenceCommand>(StringComparer.Ordinal);
        var stored = 0;
        async Task FlushAsync()
        {
            if (batch.Count > 0)
            {
                stored += await SendAsync(services, new ImportSymbolReferencesCommand([.. batch.Values]), cancellationToken);
                batch.Clear();
            }
        }

        foreach (var row in SymbolReferenceCsvReader.Read(text))
        {
            if (row.Value is null)
            {
                await report.RejectAsync(row.Line, row.Error!);
                continue;
            }

            batch[row.Value.Symbol!] = row.Value;
            if (batch.Count >= BatchSize)
            {
                await FlushAsync();
            }
        }

        await FlushAsync();
        await output.WriteLineAsync($"market import-symbols: {stored} symbols stored; {report.Rejected} rows rejected.");
        return report.Rejected == 0 ? 0 : 2;
    }

    private static async Task<TResult> SendAsync<TResult>(IServiceProvider services, IRequest<TResult> command, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, cancellationToken);
    }

    private sealed class ImportReport(TextWriter error)
    {
        public int Rejected { get; private set; }

        public async Task RejectAsync(long line, string reason)
        {
            Rejected++;
            if (Rejected <= MaxReportedErrors)
            {
                await error.WriteLineAsync($"line {line}: {reason}");
            }
            else if (Rejected == MaxReportedErrors + 1)
            {
                await error.WriteLineAsync($"(only the first {MaxReportedErrors} rejected rows are listed)");
            }
        }
    }
}
