using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Auth.Queries.GetTwoFactorStatus;

/// <summary>Whether the caller's account has a second factor, since when, and how many recovery codes are left; never a secret.</summary>
public sealed record GetTwoFactorStatusQuery : IQuery<TwoFactorStatusDto>;
