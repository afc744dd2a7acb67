namespace RiskPlatform.Application.Notifications.Common;

/// <summary>Configuration section <c>Notifications:Contacts</c>: verified contact points for email and sms.</summary>
public sealed class ContactOptions
{
    public const string SectionName = "Notifications:Contacts";

    /// <summary>
    /// Email and sms go only to addresses the user verified (the account email included). On by default; an operator
    /// upgrading a deployment whose users have not verified yet may switch it off for a transition.
    /// </summary>
    public bool RequireVerification { get; set; } = true;

    /// <summary>
    /// A page of the front end that confirms a code: the verification email links to it with <c>channel</c>, <c>address</c>
    /// and <c>code</c> in the query string. Unset: the email carries the code only.
    /// </summary>
    public Uri? ConfirmUrl { get; set; }

    /// <summary>Addresses a user may have waiting for verification at once (verified ones do not count).</summary>
    public int MaxPendingPerUser { get; set; } = 10;
}
