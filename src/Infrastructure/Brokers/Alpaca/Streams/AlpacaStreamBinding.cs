namespace RiskPlatform.Infrastructure.Brokers.Alpaca.Streams;

/// <summary>
/// One user's binding to one Alpaca key as the streams see it. A rotation (a new credential generation) or a switch of mode is
/// another binding: its stream is stopped and a new one started with the new credentials.
/// </summary>
internal sealed record AlpacaStreamBinding(Guid UserId, Guid ApiKeyId, long Generation, bool IsPaperTrading);
