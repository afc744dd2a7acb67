namespace RiskPlatform.Application.Auth.Commands.ConfirmTotp;

/// <summary>The one-time recovery codes, shown this once; only their hashes are stored.</summary>
public sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes)
{
    public override string ToString() => $"RecoveryCodesResponse {{ {RecoveryCodes.Count} codes }}";
}
