using System.Globalization;
using RiskPlatform.Infrastructure.Auditing;

namespace RiskPlatform.Api.Cli;

/// <summary>
/// <c>dotnet run --project src/Api -- audit verify</c>: walks every audit chain and recomputes each link. Exit codes: 0 intact,
/// 2 broken (the first altered, reordered or removed row is named), 64 bad usage. It prints each chain's head; keep them
/// elsewhere to notice later that the newest rows of a chain were cut off.
/// </summary>
public static class AuditCommandLine
{
    public const string Usage = "usage: audit verify";

    public static bool Matches(string[] args) =>
        args.Length >= 1 && string.Equals(args[0], "audit", StringComparison.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Length != 2 || !string.Equals(args[1], "verify", StringComparison.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync(Usage);
            return 64;
        }

        var report = await AuditChainVerification.VerifyAsync(services, cancellationToken);
        foreach (var (chain, head) in report.Heads)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"audit verify: chain {chain} head #{head.Sequence} {head.Hash}"));
        }

        if (!report.Intact)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"audit verify: BROKEN after {report.CheckedRows} intact rows: {report.FirstBreak}"));
            return 2;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"audit verify: {report.CheckedRows} rows intact in {report.Heads.Count} chains; {report.UnchainedRows} rows predate chaining and are not checked."));
        return 0;
    }
}
