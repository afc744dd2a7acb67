using RiskPlatform.Application.Common.Exceptions;

namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// Seals webhook signing secrets at rest with the master keys that seal broker credentials (AES-256-GCM under a per-record
/// key derived from a versioned master key), each bound to its user and endpoint. A stored value from before sealing is the
/// <c>whsec_…</c> text itself: it still opens, and <see cref="NeedsResealing"/> says so until the rewrap seals it. Failures
/// surface as <see cref="CredentialIntegrityException"/> (altered, moved or corrupt) or
/// <see cref="UnknownMasterKeyVersionException"/> (sealed under a master key version no longer configured).
/// </summary>
public interface IWebhookSecretVault
{
    /// <summary>Seals a <c>whsec_…</c> secret of one endpoint under the active master key; the stored form never contains it.</summary>
    string Seal(Guid userId, Guid endpointId, string secret);

    /// <summary>The <c>whsec_…</c> secret a stored value holds.</summary>
    string Open(Guid userId, Guid endpointId, string stored);

    /// <summary>Whether a stored value is unsealed or sealed under another master key version than the active one.</summary>
    bool NeedsResealing(string stored);
}
