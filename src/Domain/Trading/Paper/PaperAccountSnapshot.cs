namespace RiskPlatform.Domain.Trading.Paper;

/// <summary>
/// An account valued at a set of mark prices (see <see cref="PaperAccount.Snapshot"/>). <see cref="LongMarketValue"/> is ≥ 0,
/// <see cref="ShortMarketValue"/> ≤ 0 (signed, as brokers report it); <see cref="GrossExposure"/> = LongMarketValue − ShortMarketValue;
/// <see cref="NetExposure"/> = LongMarketValue + ShortMarketValue; <see cref="Equity"/> = Cash + NetExposure;
/// <see cref="BuyingPower"/> = max(0, Equity − GrossExposure).
/// </summary>
public sealed record PaperAccountSnapshot(
    Guid AccountId,
    Guid UserId,
    decimal StartingCash,
    decimal Cash,
    decimal Equity,
    decimal LongMarketValue,
    decimal ShortMarketValue,
    decimal GrossExposure,
    decimal NetExposure,
    decimal UnrealizedPnl,
    decimal RealizedPnl,
    decimal BuyingPower,
    int OpenOrderCount,
    IReadOnlyList<PaperPositionSnapshot> Positions);
