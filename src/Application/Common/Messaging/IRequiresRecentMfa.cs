namespace RiskPlatform.Application.Common.Messaging;

/// <summary>
/// A sensitive command: for a user with two-factor sign-in enabled it runs only with a proof of a second factor given
/// within the last few minutes (<c>X-MFA-Proof</c>, from <c>POST /auth/mfa/step-up</c>), checked by
/// <see cref="Behaviours.RecentMfaBehaviour{TRequest,TResponse}"/>. Users without a second factor are unaffected.
/// </summary>
public interface IRequiresRecentMfa
{
    /// <summary>Whether this instance needs it; a command that is sensitive only with some values narrows it.</summary>
    bool RequiresRecentMfa => true;
}
