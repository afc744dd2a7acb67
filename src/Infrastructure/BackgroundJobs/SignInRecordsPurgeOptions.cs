namespace RiskPlatform.Infrastructure.BackgroundJobs;

/// <summary><c>Purge:*</c>: how often the sign-in records are purged and how long they are kept.</summary>
public sealed class SignInRecordsPurgeOptions
{
    public const string SectionName = "Purge";

    /// <summary>Time between purges (and after start before the first).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Failed sign-ins older than this are deleted; at least an hour (the throttle reads the last 15 minutes).</summary>
    public TimeSpan LoginAttemptsRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The refresh tokens of a sign-in are deleted this long after the sign-in's absolute end.</summary>
    public TimeSpan RefreshTokensRetention { get; set; } = TimeSpan.FromDays(7);

    public bool IsValid =>
        Interval > TimeSpan.Zero
        && LoginAttemptsRetention >= Application.Auth.Commands.PurgeSignInRecords.PurgeSignInRecordsCommand.MinLoginAttemptsRetention
        && RefreshTokensRetention >= TimeSpan.Zero;
}
