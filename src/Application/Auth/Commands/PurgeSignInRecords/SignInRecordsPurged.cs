namespace RiskPlatform.Application.Auth.Commands.PurgeSignInRecords;

public sealed record SignInRecordsPurged(int LoginAttempts, int RefreshTokens);
