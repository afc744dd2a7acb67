namespace RiskPlatform.Application.Common.Actors;

/// <summary>
/// The parts of its account's <see cref="AccountMemory"/> that an account command never changes, together with everything it
/// causes in its transaction (domain event handlers, commands it sends). The actor keeps them when the command ends, and the
/// command itself may recall them (<see cref="AccountActorCall.RecallAsync{T}"/>) instead of loading them again. Leaving a
/// part out is always safe (it is loaded again); listing one the command can change is not.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LeavesUnchangedAttribute(params string[] parts) : Attribute
{
    public IReadOnlyList<string> Parts { get; } = parts;
}
