using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Auth.Commands.PurgeSignInRecords;

/// <summary>
/// Deletes, in one statement each, failed sign-ins older than <paramref name="LoginAttemptsRetention"/> (the throttle reads
/// only the last minutes) and the refresh tokens of sign-ins that ended more than <paramref name="RefreshTokensRetention"/>
/// ago. A whole ended session goes at once, never a spent token of a live one: presenting a spent token is how a stolen one
/// is detected. Sent by the purge job; audited like any command.
/// </summary>
public sealed record PurgeSignInRecordsCommand(TimeSpan LoginAttemptsRetention, TimeSpan RefreshTokensRetention) : ICommand<SignInRecordsPurged>
{
    /// <summary>The sign-in throttle counts failures of the last 15 minutes; nothing it may still read is purged.</summary>
    public static readonly TimeSpan MinLoginAttemptsRetention = TimeSpan.FromHours(1);
}
