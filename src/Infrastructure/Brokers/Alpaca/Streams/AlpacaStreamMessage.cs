using RiskPlatform.Application.Common.Brokers;

namespace RiskPlatform.Infrastructure.Brokers.Alpaca.Streams;

/// <summary>
/// One parsed message of the trade-update stream: an authorization answer (<see cref="Authorized"/>), the streams granted by a
/// listen (<see cref="Streams"/>), or a trade update (<see cref="Event"/> and the order after it, <see cref="Order"/>).
/// </summary>
internal sealed record AlpacaStreamMessage(AlpacaStreamMessageKind Kind, string Stream)
{
    public bool Authorized { get; init; }

    public IReadOnlyList<string> Streams { get; init; } = [];

    public string? Event { get; init; }

    public BrokerOrder? Order { get; init; }
}
