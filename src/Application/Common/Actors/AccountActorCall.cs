using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Application.Common.Actors;

/// <summary>
/// Per scope: whether this scope runs a command on its account's actor, and who sent it. Inside an actor call the caller's
/// identity and origin (for the audit row) come from here, not from an HTTP request, which the actor does not have.
/// </summary>
public sealed class AccountActorCall : ICurrentUser, IRequestContext
{
    /// <summary>True inside an actor: account commands run here instead of being forwarded again.</summary>
    public bool IsActive { get; private set; }

    public Guid? UserId { get; private set; }

    public string? IpAddress { get; private set; }

    public string? UserAgent { get; private set; }

    public string? TraceId { get; private set; }

    /// <summary>Never carried: the proof is checked where the request arrived, before the command is forwarded here.</summary>
    public string? MfaProof => null;

    /// <summary>Marks this scope as an actor call made by <paramref name="origin"/>.</summary>
    public void Enter(AccountCallOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        IsActive = true;
        UserId = origin.UserId;
        IpAddress = origin.IpAddress;
        UserAgent = origin.UserAgent;
        TraceId = origin.TraceId;
    }

    public Guid RequireUserId() =>
        UserId ?? throw new Exceptions.UnauthorizedException("unauthenticated", "Sign in to do this.");
}
