namespace RiskPlatform.Infrastructure.Actors;

/// <summary>
/// The owner of one Alpaca key's streams (keyed by the key's id): Orleans keeps one activation per key in the cluster, so the
/// key's streams run on one node however many nodes ask for them; when that node leaves, the next <see cref="Keep"/> from any
/// node starts them on another.
/// </summary>
[Alias("riskplatform.alpaca-streams")]
public interface IAlpacaStreamsGrain : IGrainWithGuidKey
{
    /// <summary>
    /// The key's streams run for this binding (its user, credential generation and mode): started when they are not running,
    /// replaced when the binding changed (a rotation). Every node's worker calls it at each poll, which also keeps the
    /// activation alive.
    /// </summary>
    [Alias("keep")]
    Task Keep(Guid userId, long generation, bool isPaperTrading);

    /// <summary>The key is no longer bound or usable: its streams stop and the activation goes.</summary>
    [Alias("stop")]
    Task Stop();
}
