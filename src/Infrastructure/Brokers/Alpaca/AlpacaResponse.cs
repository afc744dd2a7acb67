using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Infrastructure.Brokers.Alpaca;

/// <summary>An answer Alpaca gave (2xx, or a 4xx the caller interprets: 403 business refusal, 404, 409, 422).</summary>
internal sealed record AlpacaResponse(int Status, byte[] Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>
    /// Alpaca's error message (sanitized: it travels into problem details, last_error and logs, so anything token-like is
    /// redacted), or "HTTP nnn" when the body has none.
    /// </summary>
    public string ErrorMessage => LastErrorText.Sanitize(AlpacaPayloads.ErrorMessage(Body)) ?? $"HTTP {Status}";
}
