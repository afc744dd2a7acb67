namespace RiskPlatform.Domain.Users;

/// <summary>What a <see cref="PendingAccountEmail"/> carries. Stored by name.</summary>
public enum AccountEmailKind
{
    /// <summary>The link that proves the account's email address is its owner's.</summary>
    Verification,
}
