using RiskPlatform.Application.Common.Auditing;

namespace RiskPlatform.Application.UnitTests.Support;

/// <summary>What the test handlers and validators do when they run: how long they take, what they tell the audit scope, what they throw.</summary>
public sealed class HandlerScript
{
    public TimeSpan Takes { get; set; }

    public Action<AuditScope>? Audit { get; set; }

    public Exception? Throws { get; set; }

    public Exception? ValidatorThrows { get; set; }
}
