namespace RiskPlatform.Infrastructure.Persistence;

/// <summary>
/// A row of <c>price_bar_versions</c>: a counter of the committed writes that changed the symbol's daily bars before today's
/// New York date. No row means version 0. Written only by <see cref="PriceBarVersions.AdvanceAsync"/> (an atomic upsert), read by
/// the kept closes (<see cref="PriceBarVersions.ReadAsync"/>); never tracked.
/// </summary>
internal sealed class PriceBarVersion
{
    private PriceBarVersion()
    {
    }

    public string Symbol { get; private set; } = string.Empty;

    public long Version { get; private set; }
}
