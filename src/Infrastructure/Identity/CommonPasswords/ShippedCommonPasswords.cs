using System.Collections.Frozen;

namespace RiskPlatform.Infrastructure.Identity.CommonPasswords;

/// <summary>
/// The common-password lists embedded in this assembly (Openwall's <c>password.lst</c> and this project's additions; see
/// NOTICE.md beside them), read once per process into a frozen set that ignores case.
/// </summary>
internal static class ShippedCommonPasswords
{
    public static readonly IReadOnlyList<string> ResourceNames =
    [
        "RiskPlatform.Infrastructure.Identity.CommonPasswords.openwall-password.lst",
        "RiskPlatform.Infrastructure.Identity.CommonPasswords.riskplatform-additions.lst",
    ];

    /// <summary>A line starting with this is a comment (John the Ripper's convention, which the shipped lists follow).</summary>
    public const string CommentPrefix = "#!comment:";

    public static FrozenSet<string> Passwords { get; } = ResourceNames.SelectMany(ReadResource).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The passwords of a list: each line trimmed, comments and empty lines skipped.</summary>
    public static IEnumerable<string> Entries(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            var entry = line.Trim();
            if (entry.Length > 0 && !entry.StartsWith(CommentPrefix, StringComparison.Ordinal))
            {
                yield return entry;
            }
        }
    }

    private static List<string> ReadResource(string name)
    {
        using var stream = typeof(ShippedCommonPasswords).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded common-password list {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Entries(reader).ToList();
    }
}
