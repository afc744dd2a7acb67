using System.Globalization;
using System.Text;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Auditing;

/// <summary>One row per command: who did what to which resource, from where, and how it ended.</summary>
public sealed class AuditLog : AggregateRoot
{
    public const int DescriptionMaxLength = 1000;

    private AuditLog()
    {
    }

    public Guid? UserId { get; private set; }

    public string Action { get; private set; } = string.Empty;

    public string? ResourceType { get; private set; }

    public Guid? ResourceId { get; private set; }

    public AuditOutcome Outcome { get; private set; }

    public string? ErrorCode { get; private set; }

    public string? IpAddress { get; private set; }

    public string? UserAgent { get; private set; }

    public string? TraceId { get; private set; }

    public long DurationMs { get; private set; }

    public DateTime Timestamp { get; private set; }

    public string? Description { get; private set; }

    /// <summary>Which of the tamper-evident chains the row belongs to (rows are spread over a few so writers rarely wait).</summary>
    public int Chain { get; private set; }

    /// <summary>The row's position in its chain, from 1 without gaps; null for rows written before chaining.</summary>
    public long? ChainSequence { get; private set; }

    /// <summary>The version of <c>Audit:HmacKeys</c> that keyed <see cref="Hash"/>; 0 = no key configured (plain SHA-256 link).</summary>
    public int HmacKeyVersion { get; private set; }

    /// <summary>HMAC-SHA256 (hex) over the previous row's hash in the chain and this row's <see cref="CanonicalContent"/>.</summary>
    public string? Hash { get; private set; }

    /// <summary>Places the row in its chain, once; <paramref name="computeHash"/> sees the row with its place set.</summary>
    public void Link(int chain, long sequence, int hmacKeyVersion, Func<AuditLog, string> computeHash)
    {
        ArgumentNullException.ThrowIfNull(computeHash);
        if (Hash is not null)
        {
            throw new InvalidOperationException("An audit row is linked into its chain once.");
        }

        Chain = chain;
        ChainSequence = sequence;
        HmacKeyVersion = hmacKeyVersion;
        Hash = computeHash(this);
    }

    /// <summary>Takes the row out of its chain again when its insert failed, so that it is linked afresh when it is retried.</summary>
    public void Unlink()
    {
        Chain = 0;
        ChainSequence = null;
        HmacKeyVersion = 0;
        Hash = null;
    }

    /// <summary>
    /// Every recorded field (and the row's place in its chain), each length-prefixed so no two rows share an encoding;
    /// times as ticks, ids in "D" form, the outcome lower-case, null as <c>-</c>.
    /// </summary>
    public string CanonicalContent()
    {
        var builder = new StringBuilder(256);
        Append(builder, Id.ToString("D"));
        Append(builder, Chain.ToString(CultureInfo.InvariantCulture));
        Append(builder, ChainSequence?.ToString(CultureInfo.InvariantCulture));
        Append(builder, UserId?.ToString("D"));
        Append(builder, Action);
        Append(builder, ResourceType);
        Append(builder, ResourceId?.ToString("D"));
        Append(builder, Outcome.ToString().ToLowerInvariant());
        Append(builder, ErrorCode);
        Append(builder, IpAddress);
        Append(builder, UserAgent);
        Append(builder, TraceId);
        Append(builder, DurationMs.ToString(CultureInfo.InvariantCulture));
        Append(builder, DateTime.SpecifyKind(Timestamp, DateTimeKind.Utc).Ticks.ToString(CultureInfo.InvariantCulture));
        Append(builder, Description);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string? value)
    {
        if (value is null)
        {
            builder.Append("-|");
            return;
        }

        builder.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('|');
    }

    public static AuditLog Record(
        Guid? userId,
        string action,
        string? resourceType,
        Guid? resourceId,
        AuditOutcome outcome,
        string? errorCode,
        string? ipAddress,
        string? userAgent,
        string? traceId,
        long durationMs,
        DateTime timestamp,
        string? description) => new()
        {
            UserId = userId,
            Action = action,
            ResourceType = resourceType,
            ResourceId = resourceId,
            Outcome = outcome,
            ErrorCode = errorCode,
            IpAddress = Truncate(ipAddress, 64),
            UserAgent = Truncate(userAgent, 512),
            TraceId = Truncate(traceId, 64),
            DurationMs = durationMs,
            Timestamp = timestamp,
            Description = Truncate(description, DescriptionMaxLength),
        };

    private static string? Truncate(string? value, int max) =>
        value is null || value.Length <= max ? value : value[..max];
}
